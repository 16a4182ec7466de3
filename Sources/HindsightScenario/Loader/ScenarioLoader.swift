import Foundation
import HindsightTrace

/// Loads and validates scenario files (SCENARIO.md) and the policy files they name.
public enum ScenarioLoader {
    /// Loads the scenario at `path`: decodes it, applies the defaults and the carbon
    /// provider preset (explicit fields override it), converts every unit (ms, cores,
    /// bytes, seconds, fractions), loads every policy file it names (relative to the
    /// scenario file; `git:REF:PATH` through `git show` run in the scenario's folder),
    /// checks that the trace, price, intensity and replay files exist, and that every
    /// series a policy reads is a trace field or an extra key of `spec.trace.columns`.
    /// The trace CSV itself is not read.
    ///
    /// ```swift
    /// let scenario = try ScenarioLoader.load(path: "scenarios/demo.yaml")
    /// ```
    /// - Parameter path: the scenario file, as the user named it (used in messages).
    /// - Throws: `InputErrors` holding every problem found, each a `ScenarioError` with file:line:col.
    public static func load(path: String) throws -> Scenario {
        try load(bytes: try FileReading.read(path: absolute(path), display: path, at: nil), path: path)
    }

    /// Loads a scenario from its file's `bytes`, as `load(path:)` does once the file is read;
    /// `path` names it in messages and anchors the relative paths it holds.
    /// - Throws: `InputErrors` holding every problem found.
    public static func load(bytes: [UInt8], path: String) throws -> Scenario {
        let context = YAMLDecodingContext()
        let parsed = YAMLDocument.parseCollecting(bytes: bytes, file: path)
        context.errors += parsed.errors
        if !parsed.complete { throw InputErrors(parsed.errors) }
        let documents = parsed.documents
        guard var scenario = scenario(documents, path: path, context: context), context.errors.isEmpty else {
            throw InputErrors(context.errors.isEmpty
                              ? [ScenarioError(SourceLocation(file: path, line: 1, column: 1), "not a usable scenario", expected: "a Scenario document")]
                              : ScenarioError.ordered(context.errors))
        }
        scenario.sourceBytes = bytes
        return scenario
    }

    /// Every problem of the file at `path`, a scenario or a standalone policy file (told
    /// apart by the `kind` of its first document). Empty when the file is valid.
    public static func validate(path: String) -> [any InputError] { check(path: path).problems }

    /// Every problem of the file at `path` (as `validate(path:)`), and the notes: documents
    /// skipped, trigger metadata keys ignored. A valid scenario whose trace is a CSV file
    /// also has its trace's header read: every series a policy needs that the header
    /// lacks is a problem.
    public static func check(path: String) -> (problems: [any InputError], notes: [String]) {
        let bytes: [UInt8]
        do {
            bytes = try FileReading.read(path: absolute(path), display: path, at: nil)
        } catch let e as InputErrors {
            return (e.errors, [])
        } catch {
            return ([InputMessage("\(path): \(error)")], [])
        }
        let parsed = YAMLDocument.parseCollecting(bytes: bytes, file: path)
        guard parsed.complete else { return (parsed.errors, []) }
        let first = parsed.documents.first(where: { !$0.isNull })
        let context = YAMLDecodingContext()
        if first?["kind"]?.scalar?.text == "Scenario" {
            context.errors = parsed.errors
            if let loaded = scenario(parsed.documents, path: path, context: context), context.errors.isEmpty {
                checkTraceHeader(loaded, context: context)
            }
            return (ScenarioError.ordered(context.errors), context.notes)
        }
        _ = PolicyLoader.load(bytes: bytes, display: path, namedAt: nil, context: context)
        return (ScenarioError.ordered(context.errors), context.notes)
    }

    private static func absolute(_ path: String) -> String {
        FileReading.resolve(path, against: FileManager.default.currentDirectoryPath)
    }

    /// The scenario of parsed `documents`; problems go to `context`.
    static func scenario(_ documents: [YAMLNode], path: String, context: YAMLDecodingContext) -> Scenario? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let nonEmpty = documents.filter { !$0.isNull }
        guard let root = nonEmpty.first else {
            context.record(at: start, "the file is empty", expected: "a Scenario document (apiVersion: hindsight/v1, kind: Scenario)")
            return nil
        }
        if nonEmpty.count > 1 {
            context.record(at: nonEmpty[1].location, "a second YAML document in a scenario file", expected: "one Scenario document per file")
        }
        guard root.mapping != nil else {
            context.record(root, path: "", found: "\(root.found) at the top level", expected: "a mapping with apiVersion, kind, metadata and spec")
            return nil
        }
        guard let dto = try? YAMLDecoder.decodeNode(ScenarioDocumentDTO.self, node: root, context: context, path: "") else { return nil }
        if dto.apiVersion?.value != "hindsight/v1" {
            context.record(at: dto.apiVersion?.location ?? root.location, "apiVersion '\(dto.apiVersion?.value ?? "")'", expected: "apiVersion: hindsight/v1")
        }
        if dto.kind?.value != "Scenario" {
            context.record(at: dto.kind?.location ?? root.location, "kind '\(dto.kind?.value ?? "")'", expected: "kind: Scenario")
        }
        let name = PolicyConversion.metadataName(dto.metadata, root: root, context: context)
        guard let spec = dto.spec else {
            context.missing(at: root.location, field: "spec", "scenario without 'spec'", expected: "spec with trace, workload and policies")
            return nil
        }
        let conversion = ScenarioConversion(context: context, display: path, folder: FileReading.folder(of: path))
        let s = spec.value
        let trace = conversion.trace(s.trace, specLocation: spec.location)
        let workload = conversion.workload(s.workload, specLocation: spec.location)
        let policies = conversion.policies(s.policies, specLocation: spec.location)
        let scenario = Scenario(
            name: name?.value ?? "", file: absolute(path), trace: trace ?? TraceSpec(source: .file("")),
            workload: workload ?? WorkloadSpec(cpuRequest: 1), metrics: conversion.metrics(s.metrics),
            kubernetes: conversion.kubernetes(s.kubernetes), latency: conversion.latency(s.latency), slo: conversion.slo(s.slo),
            cost: conversion.cost(s.cost), carbon: conversion.carbon(s.carbon), policies: policies,
            sweep: conversion.sweep(s.sweep), budgets: conversion.budgets(s.budgets),
            agents: conversion.agents(s.agents))
        if let trace { checkSeries(policies, trace: trace, context: context) }
        for policy in policies {
            if let problem = scenario.kubernetes.scaleToZeroProblem(policy) {
                context.record(at: policy.location, problem.found, expected: problem.expected)
            }
        }
        guard name != nil, trace != nil, workload != nil else { return nil }
        return scenario
    }

    /// Every series a policy reads must be a trace field or an extra key of `columns`.
    private static func checkSeries(_ policies: [PolicySpec], trace: TraceSpec, context: YAMLDecodingContext) {
        let available = Set(trace.columns.keys)
        let listed = trace.columns.keys.sorted().joined(separator: ", ")
        for policy in policies {
            for ref in policy.seriesReferences where !available.contains(ref.name) && !(ref.alternative.map(available.contains) ?? false) {
                context.record(at: ref.location ?? policy.location, "policy '\(policy.name)' reads series '\(ref.name)', which the trace does not have",
                               expected: "one of \(listed), or an extra key of spec.trace.columns (name: column)")
            }
        }
    }
}
