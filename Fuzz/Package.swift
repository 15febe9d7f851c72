// swift-tools-version:6.1
// ChainMap's libFuzzer targets, kept in their own package (like Benchmarks/) so that the
// library and its tests build without sanitizer flags. Build and run them with
// `scripts/fuzz.sh` (see Fuzz/README.md); by hand:
//
//     cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//     .build/release/FuzzParkCSV .corpus/FuzzParkCSV Seeds/FuzzParkCSV -max_total_time=60
//
// SwiftPM links an executable with `--defsym main=<Target>_main`, so each target defines that
// symbol (`@_cdecl`) and hands its callback to libFuzzer through `LLVMFuzzerRunDriver`
// (declared by the C shim `CLibFuzzer`).
import PackageDescription

let fuzzSupport: [Target.Dependency] = ["FuzzSupport"]

let package = Package(
    name: "ChainMapFuzz",
    dependencies: [
        .package(name: "ChainMap", path: "..")
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "CLibFuzzer"),
        // The driver loop shared by every target, and input decoding helpers.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        // (a) The JSON park loader: ParkLoader.load(json:name:).
        .executableTarget(
            name: "FuzzParkJSON",
            dependencies: fuzzSupport + [.product(name: "ChainModel", package: "ChainMap")]
        ),
        // (b) The CSV bundle loader: all eight member files, sequential and chunked.
        .executableTarget(
            name: "FuzzParkCSV",
            dependencies: fuzzSupport + [.product(name: "ChainModel", package: "ChainMap")]
        ),
        // (c) The edge-list reader, sequential and chunked.
        .executableTarget(
            name: "FuzzEdgeList",
            dependencies: fuzzSupport + [.product(name: "ChainGraph", package: "ChainMap")]
        ),
        // The xlsx targets' shared oracle and the stored-zip writer of FuzzXLSXParts.
        .target(
            name: "FuzzXLSXSupport",
            dependencies: fuzzSupport + [.product(name: "ChainModel", package: "ChainMap")]
        ),
        // (d) The xlsx park loader on the workbook's bytes: zip, zlib, XML, records.
        .executableTarget(
            name: "FuzzParkXLSX",
            dependencies: fuzzSupport + ["FuzzXLSXSupport", .product(name: "ChainModel", package: "ChainMap")]
        ),
        // (e) The workbook's XML parts inside an always-valid stored zip (structure-aware).
        .executableTarget(
            name: "FuzzXLSXParts",
            dependencies: fuzzSupport + ["FuzzXLSXSupport", .product(name: "ChainModel", package: "ChainMap")]
        ),
        // (g) The park snapshot reader (.chainpark), with checksums resealed or not (byte 0).
        .executableTarget(
            name: "FuzzParkSnapshot",
            dependencies: fuzzSupport + [.product(name: "ChainModel", package: "ChainMap")]
        ),
        // (f) The matching files: a vocabulary TSV or a candidates file (byte 0 chooses).
        .executableTarget(
            name: "FuzzMatchFiles",
            dependencies: fuzzSupport + [
                .product(name: "ChainModel", package: "ChainMap"), .product(name: "ChainAnalysis", package: "ChainMap"),
            ]
        ),
    ]
)
