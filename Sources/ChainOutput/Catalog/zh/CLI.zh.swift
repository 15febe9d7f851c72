extension Catalog {
    /// The command line's own words on standard error: progress, notes, usage errors.
    static let zhCLI: [String: String] = [
        "cli.error.unknownVerb": "没有“{verb}”这个命令。是否要用 {suggestion}？",
        "cli.error.unknownVerb.list": "没有“{verb}”这个命令。可用的命令：{verbs}",
        "cli.error.unknownMode": "“{word}”既不是园区（没有这个文件、文件夹或示例），也不是 {verb} 的子命令。是否要用 {verb} {suggestion}？",
        "cli.progress.loading": "正在读取 {park}",
        "cli.progress.reading": "正在读取 {path}",
        "cli.progress.drawing": "正在绘制",
        "cli.note.warning": "注意：数据有 1 条警告；`chainmap validate {park}` 可列出它",
        "cli.note.warnings": "注意：数据有 {count} 条警告；`chainmap validate {park}` 可列出全部",
        "cli.note": "注意：{note}",
        "cli.wrote": "已写出 {path}",
        "cli.wrote.format": "已写出 {path}（{format}）",
        "cli.wrote.generated":
            "已写出 {path}（{format}）：企业 {firms} 家，供应关系 {links} 条，党组织 {organizations} 个，结对 {pairings} 对，诉求 {needs} 项",
        "cli.wrote.generated.gaps":
            "已写出 {path}（{format}）：企业 {firms} 家，供应关系 {links} 条，党组织 {organizations} 个，结对 {pairings} 对，诉求 {needs} 项，预设缺口 {gaps} 个",
        "cli.progress.generating": "正在生成 {firms} 家企业",
        "cli.progress.writing": "正在写出 {path}",
        "cli.usage.atLeast": "{option} 至少为 {minimum}",
        "cli.usage.notNegative": "{option} 不能为负数（0 或更大）",
        "cli.usage.between": "{option} 须在 {low} 与 {high} 之间",
        "cli.usage.positive": "{option} 须大于 0",
        "cli.usage.whatifTarget": "请用 --remove 企业[,企业…] 和/或 --zone 片区 指定要移除的企业",
    ]
}
