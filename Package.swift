// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "orgmodel",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "OrgModel", targets: ["OrgSupport", "OrgModel", "OrgAnalysis"]),
        .library(name: "OrgReports", targets: ["OrgReports"]),
        .executable(name: "orgmodel", targets: ["orgmodel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Generic tools with no organisation meaning: text, numbers, bytes, CSV, JSON, files, threads.
        .target(name: "OrgSupport"),
        // The core: model, structure files, rules, checks, import and export. Pure Swift, no Graphviz.
        .target(
            name: "OrgModel",
            dependencies: ["OrgSupport", .product(name: "Yams", package: "Yams")]
        ),
        // Analysis, comparison, de-layering, options, trends and deviations: values, no wording.
        .target(name: "OrgAnalysis", dependencies: ["OrgModel", "OrgSupport"]),
        // Charts described as DOT text in Swift: no C, testable without Graphviz.
        .target(name: "OrgChart", dependencies: ["OrgModel", "OrgAnalysis", "OrgSupport"]),
        // The only module that talks to Graphviz's C library.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // cairo's PDF surface: Graphviz draws a chartbook's pages into one PDF through it.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .target(name: "GraphvizRender", dependencies: ["OrgSupport", "CGraphviz", "CCairo"]),
        // The reports in every format, and the review pack (its charts drawn by the caller). No C.
        .target(name: "OrgReports", dependencies: ["OrgSupport", "OrgModel", "OrgAnalysis", "OrgChart"]),
        .executableTarget(
            name: "orgmodel",
            dependencies: [
                "OrgSupport", "OrgModel", "OrgAnalysis", "OrgChart", "OrgReports", "GraphvizRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The seeded mutation fuzzer over every reader (a short run is part of swift test).
        .target(name: "OrgModelFuzz", dependencies: ["OrgSupport", "OrgModel", "OrgAnalysis", "OrgReports"]),
        .executableTarget(name: "orgmodel-fuzz", dependencies: ["OrgModelFuzz"]),
        // libFuzzer over the readers when built with -sanitize=fuzzer -DLIBFUZZER (README,
        // "Fuzzing"); a plain build is a replayer of saved inputs.
        .executableTarget(name: "orgmodel-libfuzzer", dependencies: ["OrgModelFuzz"]),
        .executableTarget(
            name: "orgmodel-bench",
            dependencies: ["OrgSupport", "OrgModel", "OrgAnalysis", "OrgChart", "OrgReports", "GraphvizRender"]
        ),
        // What the test targets share (the golden-file comparison); a plain target, not a test target.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Golden files and fixtures are read through #filePath, not bundled as resources.
        .testTarget(
            name: "OrgModelTests", dependencies: ["OrgSupport", "OrgModel", "OrgAnalysis", "OrgReports", "OrgModelFuzz", "TestSupport"],
            exclude: ["Golden", "Redaction/Fixtures", "Fuzz/Regressions"]),
        // GraphvizRender only to hold trial pages to the size of the pages drawn.
        .testTarget(
            name: "OrgChartTests", dependencies: ["OrgChart", "OrgModel", "GraphvizRender", "TestSupport"],
            exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "OrgReportsTests", dependencies: ["OrgReports", "OrgModel"]),
        .testTarget(name: "GraphvizRenderTests", dependencies: ["GraphvizRender", "OrgSupport"]),
        // Runs the built `orgmodel` on real files and checks output and exit codes.
        .testTarget(name: "EndToEndTests", dependencies: ["orgmodel", "OrgModel"]),
        // What the benchmark computes besides timings: its peers' agreement with orgmodel.
        .testTarget(name: "BenchmarkTests", dependencies: ["orgmodel-bench", "OrgModel", "OrgAnalysis", "OrgReports"]),
    ]
)
