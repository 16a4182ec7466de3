/// Pieces shared by the Kubernetes-shaped documents (policies and the scenario).

/// `metadata`: the name is used; the common fields are accepted and ignored.
struct ObjectMetaDTO: Decodable, YAMLIgnoredKeys {
    var name: Located<String>?
    var namespace: String?
    /// Read for the metrics an autoscaling/v1 object carries there.
    var annotations: YAMLRaw?

    /// Everything else of `ObjectMeta`, including what the API server sets (as
    /// `kubectl get -o yaml` prints it).
    static let ignoredKeys = [
        "labels", "generateName", "uid", "resourceVersion", "generation", "selfLink",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields",
        "ownerReferences", "finalizers",
    ]
}

/// `scaleTargetRef`.
struct ScaleTargetRefDTO: Decodable {
    var apiVersion: String?
    var kind: String?
    var name: Located<String>?
    /// KEDA only.
    var envSourceContainerName: YAMLIgnored?

    /// `kind/name` with the kind lower-cased (`deployment/checkout-api`); kind defaults to Deployment.
    var target: String? {
        guard let name = name?.value else { return nil }
        return "\((kind ?? "Deployment").lowercased())/\(name)"
    }
}

/// The head of every document: enough to dispatch on the kind.
struct DocumentHeadDTO: Decodable {
    var apiVersion: Located<String>?
    var kind: Located<String>?
}

extension YAMLDecodingContext {
    /// Records `message` at `location` (with the field path) when `condition` is false.
    func require(_ condition: Bool, _ location: SourceLocation?, _ message: String, expected: String) {
        if !condition { errors.append(ScenarioError(location, message, expected: expected)) }
    }

    /// Records a problem at a location (not at a node).
    func record(at location: SourceLocation?, _ message: String, expected: String) {
        errors.append(ScenarioError(location, message, expected: expected))
    }
}
