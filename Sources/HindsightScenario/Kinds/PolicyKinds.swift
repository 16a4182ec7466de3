/// The registry of policy document kinds. Adding a kind is one line in `documents`; the
/// loader's dispatch, the "expected kind: …" messages and the CLI help follow from it.
///
/// A new kind touches four files:
/// 1. `Loader/<Kind>DTO.swift`: the spec as written (`Decodable`), and
///    `typealias <Kind>DocumentDTO = PolicyDocumentDTO<<Kind>SpecDTO>` for the document;
/// 2. `Model/<Kind>Spec.swift`: the defaulted spec, conforming to `PolicyKindSpec`, with
///    its conversion from the DTO (a `static func` recording problems in the context);
/// 3. `HindsightSim/Controllers/<Kind>Controller.swift`: the `Controller`, and the spec's
///    `SimulatedPolicyKind` conformance (validation against the trace, the run);
/// 4. this file: `.decoding(<Kind>DocumentDTO.self, kind:, apiVersions:, convert:)`.
/// The policy then travels as `PolicySpec.Kind.registered(spec)`; no switch names it.
public enum PolicyKinds {
    /// Every policy document kind, in the order messages list them.
    public static let documents: [PolicyDocumentKind] = [
        PolicyDocumentKind(kind: hpa, apiVersions: ["autoscaling/v2", "autoscaling/v2beta2", "autoscaling/v2beta1", "autoscaling/v1"],
                           convert: PolicyConversion.hpa),
        .decoding(ScaledObjectDocumentDTO.self, kind: scaledObject, apiVersions: ["keda.sh/v1alpha1"],
                  convert: PolicyConversion.scaledObject),
        .decoding(AIOptimizationDocumentDTO.self, kind: aiOptimization, apiVersions: ["gitops.example.com/v1alpha1"],
                  convert: PolicyConversion.aiOptimization),
    ]

    /// The `kind` of the built-in document kinds, shared with `PolicySpec.kindLabel`.
    static let hpa = "HorizontalPodAutoscaler"
    static let scaledObject = "ScaledObject"
    static let aiOptimization = "AIOptimizationPolicy"

    /// The `kind` values, e.g. `["HorizontalPodAutoscaler", "ScaledObject", …]`.
    public static var names: [String] { documents.map(\.kind) }

    /// The kinds as alternatives for a sentence: `A, B or C`.
    public static var namesText: String { alternatives(names) }

    /// The kinds with their apiVersions for help: `A (a/v2 or a/v1), B (b/v1) or C (c/v1)`.
    public static var namesWithVersionsText: String { alternatives(documents.map(\.withVersions)) }

    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        let head = items.dropLast()
        return head.isEmpty ? last : head.joined(separator: ", ") + " or " + last
    }
}
