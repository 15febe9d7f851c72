extension Catalog {
    /// `chainmap firms`.
    static let zhFirms: [String: String] = [
        "firms.title": "{name}（{id}）企业名录",
        "firms.section": "企业",
        "firms.count": "共 {total} 家（园区内 {inPark}，园区外 {outside}）",
        "firms.count.filtered": "{filters}：共 {total} 家（园区内 {inPark}，园区外 {outside}）",
        "firms.filter.chain": "产业链 {chain}",
        "firms.filter.stage": "环节 {stage}",
        "firms.filter.search": "含“{text}”",
        "firms.names": "{names}",
        "firms.col.id": "企业编号",
        "firms.col.name": "企业名称",
        "firms.col.chains": "产业链编号",
        "firms.col.chain": "产业链",
        "firms.col.stages": "环节编号",
        "firms.col.stage": "环节",
        "firms.col.location": "位置",
        "firms.col.leader": "链主",
        "firms.col.output": "产值",
        "firms.location.inPark": "园区内",
        "firms.location.outside": "园区外",
    ]
}
