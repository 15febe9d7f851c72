extension Catalog {
    /// `chainmap validate` and `chainmap samples`.
    static let zhValidate: [String: String] = [
        "validate.title": "数据检查：{park}",
        "validate.section.problems": "问题清单",
        "validate.valid":
            "{park}：通过检查：企业 {firms} 家，供应关系 {links} 条，党组织 {organizations} 个，结对 {pairings} 对，诉求 {needs} 项；警告 {warnings} 条",
        "validate.invalid": "{park}：未通过检查：错误 {errors} 个，警告 {warnings} 条",
        "validate.col.severity": "级别",
        "validate.col.file": "文件",
        "validate.col.line": "行",
        "validate.col.field": "字段",
        "validate.col.message": "问题",
        "validate.col.hint": "处理建议",
        "severity.error": "错误",
        "severity.warning": "警告",
        "samples.title": "内置示例园区",
        "samples.section.list": "示例列表（可在任何命令中按名称使用）",
        "samples.col.name": "名称",
        "samples.col.firms": "企业",
        "samples.col.links": "供应关系",
        "samples.col.park": "园区",
        "samples.col.file": "文件",
        "samples.notInstalled": "（未安装）",
    ]
}
