// swift-tools-version: 6.0
import PackageDescription

// MARK: - Dependencies

let dependencies: [Package.Dependency] = [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
]

// MARK: - C libraries of the system

let systemLibraries: [Target] = [
    .systemLibrary(
        name: "CLibYAML",
        path: "Sources/CLibYAML",
        pkgConfig: "yaml-0.1",
        providers: [.apt(["libyaml-dev"])]
    ),
    .systemLibrary(
        name: "CSQLite",
        path: "Sources/CSQLite",
        pkgConfig: "sqlite3",
        providers: [.apt(["libsqlite3-dev"])]
    ),
]

// MARK: - Modules (each knows only the ones before it)

let modules: [Target] = [
    .target(name: "HindsightStats"),
    .target(
        name: "HindsightTrace",
        dependencies: ["HindsightStats", "CSQLite"]
    ),
    .target(
        name: "HindsightScenario",
        dependencies: ["CLibYAML", "HindsightStats", "HindsightTrace"]
    ),
    .target(
        name: "HindsightSim",
        dependencies: [
            "HindsightStats", "HindsightTrace", "HindsightScenario",
            .product(name: "HeapModule", package: "swift-collections"),
            .product(name: "DequeModule", package: "swift-collections"),
            .product(name: "RealModule", package: "swift-numerics"),
        ]
    ),
    .target(
        name: "HindsightReport",
        dependencies: [
            "HindsightStats", "HindsightTrace", "HindsightScenario", "HindsightSim",
            .product(name: "Crypto", package: "swift-crypto"),
        ]
    ),
    .executableTarget(
        name: "hindsight",
        dependencies: [
            "HindsightStats", "HindsightTrace", "HindsightScenario", "HindsightSim", "HindsightReport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]
    ),
]

// MARK: - Tests (each declares exactly the modules its files import)

let tests: [Target] = [
    // Helpers the test targets share (temporary folders, package paths, subprocesses);
    // a plain target that only test targets depend on.
    .target(name: "HindsightTestSupport", path: "Tests/HindsightTestSupport"),
    .testTarget(name: "HindsightStatsTests", dependencies: ["HindsightStats", "HindsightTestSupport"]),
    .testTarget(name: "HindsightTraceTests", dependencies: ["HindsightStats", "HindsightTrace", "HindsightTestSupport"]),
    .testTarget(
        name: "HindsightScenarioTests",
        dependencies: ["HindsightStats", "HindsightTrace", "HindsightScenario", "HindsightTestSupport"]
    ),
    .testTarget(
        name: "HindsightSimTests",
        dependencies: [
            "HindsightStats", "HindsightTrace", "HindsightScenario", "HindsightSim", "HindsightTestSupport",
            .product(name: "RealModule", package: "swift-numerics"),
        ]
    ),
    .testTarget(
        name: "HindsightReportTests",
        dependencies: [
            "HindsightStats", "HindsightTrace", "HindsightScenario", "HindsightSim", "HindsightReport",
            "HindsightTestSupport",
        ]
    ),
    // Runs the built binary: depends on the executable so `swift test` builds it first.
    // HindsightTrace: the real-Prometheus import test reads the dataset store it filled.
    .testTarget(name: "HindsightCLITests", dependencies: ["hindsight", "HindsightTrace", "HindsightTestSupport"]),
]

let package = Package(
    name: "hindsight",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hindsight", targets: ["hindsight"]),
        .library(name: "HindsightSim", targets: ["HindsightSim"]),
        // The fuzz package (fuzz/Package.swift) links the parsers through these.
        .library(name: "HindsightScenario", targets: ["HindsightScenario"]),
        .library(name: "HindsightTrace", targets: ["HindsightTrace"]),
    ],
    dependencies: dependencies,
    targets: systemLibraries + modules + tests,
    swiftLanguageModes: [.v6]
)
