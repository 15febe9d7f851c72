// swift-tools-version:6.1
// ChainMap's benchmarks (ordo-one package-benchmark), kept in their own package so that the
// library and its tests build without the benchmark tooling.
//
//     cd Benchmarks && swift package benchmark
//     cd Benchmarks && swift package benchmark --target Analysis
//     cd Benchmarks && swift package benchmark --filter "EdgeList.*"
import PackageDescription

let benchmarkPlugin: Target.PluginUsage = .plugin(name: "BenchmarkPlugin", package: "benchmark")

let package = Package(
    name: "ChainMapBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ChainMap", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "ChainGraph", package: "ChainMap"),
                .product(name: "ChainModel", package: "ChainMap"),
            ],
            path: "Benchmarks/BenchmarkSupport"
        ),
        .executableTarget(
            name: "GraphCore",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ChainGraph", package: "ChainMap"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/GraphCore",
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "ParkLoading",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ChainModel", package: "ChainMap"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/ParkLoading",
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "Generate",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ChainModel", package: "ChainMap"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/Generate",
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "Centrality",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ChainGraph", package: "ChainMap"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/Centrality",
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "Analysis",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ChainModel", package: "ChainMap"),
                .product(name: "ChainAnalysis", package: "ChainMap"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/Analysis",
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "Render",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ChainModel", package: "ChainMap"),
                .product(name: "ChainRender", package: "ChainMap"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/Render",
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "Report",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ChainModel", package: "ChainMap"),
                .product(name: "ChainOutput", package: "ChainMap"),
                .product(name: "ChainReport", package: "ChainMap"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/Report",
            plugins: [benchmarkPlugin]
        ),
    ]
)
