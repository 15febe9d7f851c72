extension Catalog {
    /// Words every report uses.
    static let zhCommon: [String: String] = [
        "list.separator": "、",
        "list.more": "等（另有{count}项）",
        "diagnostic.hint": "。提示：{hint}",
        "diagnostic.summary": "共 {errors} 个错误；未写出任何内容。",
        "note.wrap": "（{note}）",
        "xlsx.sheet.data": "数据",
        "xlsx.omitted": "……另有 {count} 行未列出",
        "xlsx.moneyColumn": "{title}（万元）",
        "xlsx.error.create": "无法创建 Excel 文件 {path}",
        "xlsx.error.write": "无法写出 Excel 文件 {path}：{reason}",
        "bool.true": "是",
        "bool.false": "否",
        "table.more": "……另有 {count} 行未列出（--top 0 列出全部）",
    ]
}
