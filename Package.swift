// swift-tools-version:6.1
// ChainMap: graph analytics for industry-chain networks.
// Layers (see docs/DESIGN.md): ChainGraph ← ChainModel ← ChainAnalysis ← ChainRender ← chainmap.
import PackageDescription

let package = Package(
    name: "ChainMap",
    products: [
        .library(name: "ChainGraph", targets: ["ChainGraph"]),
        .library(name: "ChainModel", targets: ["ChainModel"]),
        .library(name: "ChainAnalysis", targets: ["ChainAnalysis"]),
        .library(name: "ChainOutput", targets: ["ChainOutput"]),
        .library(name: "ChainRender", targets: ["ChainRender"]),
        .library(name: "ChainReport", targets: ["ChainReport"]),
        .executable(name: "chainmap", targets: ["chainmap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Domain-free graph engine: CSR graph, builders, readers, algorithms.
        .target(
            name: "ChainGraph",
            dependencies: [.product(name: "HeapModule", package: "swift-collections")]
        ),
        // Park model, JSON/CSV/xlsx/GraphML formats, validation, bundled samples (the files
        // live in the top-level samples/ folder; the plugin builds them into the program).
        .target(
            name: "ChainModel",
            dependencies: ["ChainGraph", "CZlib", "CXlsxWriter"],
            plugins: ["EmbedSamples"]
        ),
        // Embeds the sample parks (samples/*.json) in the program, so an installed or copied
        // binary has them.
        .executableTarget(name: "SampleEmbedder"),
        .plugin(name: "EmbedSamples", capability: .buildTool(), dependencies: ["SampleEmbedder"]),
        // Domain analyses on the park graph: gaps, what-if, matchmaking, organization coverage.
        .target(
            name: "ChainAnalysis",
            dependencies: ["ChainGraph", "ChainModel", .product(name: "HeapModule", package: "swift-collections")],
            // The matching vocabulary (Resources/vocabulary.tsv) is built into the program by
            // the same plugin as the samples, so an installed binary has it.
            exclude: ["Resources"],
            plugins: ["EmbedSamples"]
        ),
        // Reports as documents: the message catalog (zh, en) and the renderers (table, JSON,
        // CSV, Markdown); every human sentence ChainMap prints comes from here.
        .target(name: "ChainOutput", dependencies: ["ChainModel", "ChainAnalysis", "CXlsxWriter"]),
        // zlib as a system library: ChainModel's workbook reader inflates the parts of an .xlsx.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libxlsxwriter as a system library: ChainOutput's report workbooks and ChainModel's
        // park workbook (`convert --to xlsx`) import it.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Graphviz (libgvc) as a system library; only ChainRender imports it.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // The render worker in C: Graphviz layout and rendering in a child process started with
        // posix_spawn of the running executable (see docs/DESIGN.md, "The render worker").
        .target(name: "CGraphvizWorker", dependencies: ["CGraphviz"]),
        // DOT writer and rendering through libgvc in a recycled worker process, one serial owner.
        // ChainOutput for the message catalog (titles, box labels and the legend in --lang).
        .target(name: "ChainRender", dependencies: ["ChainModel", "ChainOutput", "CGraphviz", "CGraphvizWorker"]),
        // The committee's HTML report: analyses, map and page together.
        .target(name: "ChainReport", dependencies: ["ChainModel", "ChainAnalysis", "ChainOutput", "ChainRender"]),
        // The commands of the CLI, as a library so they can be tested in-process.
        .target(
            name: "ChainMapCommands",
            dependencies: [
                "ChainGraph", "ChainModel", "ChainAnalysis", "ChainOutput", "ChainRender", "ChainReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Thin executable.
        .executableTarget(name: "chainmap", dependencies: ["ChainMapCommands"]),

        .testTarget(name: "ChainGraphTests", dependencies: ["ChainGraph"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ChainModelTests", dependencies: ["ChainModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ChainAnalysisTests", dependencies: ["ChainAnalysis", "ChainModel"]),
        .testTarget(name: "ChainOutputTests", dependencies: ["ChainOutput"]),
        .testTarget(
            name: "ChainRenderTests", dependencies: ["ChainRender", "ChainModel", "ChainAnalysis"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ChainReportTests", dependencies: ["ChainReport", "ChainOutput", "ChainAnalysis", "ChainModel"]),
        .testTarget(name: "ChainMapCLITests", dependencies: ["chainmap", "ChainModel"]),
    ]
)
