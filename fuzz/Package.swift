// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for hindsight's parsers (README, "Hardening"). A package of its own so
// that `swift build` / `swift test` of the root never compile them: build and run them with
// `fuzz/run.sh`, which passes `--sanitize fuzzer` (so that SwiftPM leaves `main` to
// libFuzzer when linking) and `-Xswiftc -sanitize=fuzzer,address` (one flag: SwiftPM's
// `--sanitize fuzzer --sanitize address` gives swiftc two `-sanitize=` flags, of which only
// the last counts, and the code then gets no coverage instrumentation).
//
// The root package is a path dependency, and SwiftPM names a path dependency after its
// folder, which differs between clones: the path and the name come from this file's path.
let fuzzFolder = String(#filePath.dropLast("/Package.swift".count))
let rootPath = String(fuzzFolder[..<(fuzzFolder.lastIndex(of: "/") ?? fuzzFolder.endIndex)])
let rootName = String(rootPath[rootPath.index(after: rootPath.lastIndex(of: "/") ?? rootPath.startIndex)...])

/// One fuzz target: an executable whose only source file defines `LLVMFuzzerTestOneInput`
/// (libFuzzer supplies `main`).
func fuzzTarget(_ name: String, _ modules: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: modules.map { .product(name: $0, package: rootName) },
        path: "Sources/\(name)"
    )
}

let targets: [Target] = [
    fuzzTarget("fuzz-scenario", ["HindsightScenario"]),
    fuzzTarget("fuzz-policy", ["HindsightScenario"]),
    fuzzTarget("fuzz-yamlpatch", ["HindsightScenario"]),
    fuzzTarget("fuzz-csv", ["HindsightTrace"]),
    fuzzTarget("fuzz-timecell", ["HindsightTrace"]),
    fuzzTarget("fuzz-prometheus", ["HindsightTrace"]),
    fuzzTarget("fuzz-agent-answer", ["HindsightSim"]),
    fuzzTarget("fuzz-kyverno", ["HindsightScenario"]),
]

let package = Package(
    name: "hindsight-fuzz",
    platforms: [.macOS(.v13)],
    products: targets.map { .executable(name: $0.name, targets: [$0.name]) },
    dependencies: [.package(path: rootPath)],
    targets: targets,
    swiftLanguageModes: [.v6]
)
