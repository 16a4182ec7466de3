import HindsightTestSupport
import Foundation
import XCTest

/// The 48 real autoscaling manifests of `../shared/datasets/k8s-manifests/`, unmodified,
/// each run through the built binary in a scenario over a generated quarter-day trace
/// (with a `memory_bytes` column and a `q` column every named series maps to). Each
/// case states what a user expects: the run succeeds with its policies and a decision
/// or warning that shows the metric read (words taken from the manifest), or it is
/// refused with a reason.
final class RealManifestsTests: XCTestCase {
    enum Expect {
        /// Runs; `policies` policies; every text of `shows` appears in the run's outputs
        /// (decisions, warnings).
        case runs(policies: Int, shows: [String])
        /// Refused (exit 2) with every text of `because` in the message.
        case refused(because: [String])
    }

    struct Case {
        var file: String
        var series: [String] = []
        var expect: Expect
    }

    static let cases: [Case] = [
        Case(file: "01-k8s-website-php-apache.yaml", expect: .runs(policies: 1, shows: ["vs target 50%"])),
        Case(file: "02-podinfo-kustomize-hpa.yaml", expect: .runs(policies: 1, shows: ["vs target 99%"])),
        Case(file: "03-gke-helloweb-hpa.yaml", expect: .runs(policies: 1, shows: ["vs target 30%"])),
        Case(file: "04-gke-custom-metrics-sd-hpa.yaml", series: ["custom-metric"], expect: .runs(policies: 1, shows: ["custom-metric"])),
        Case(file: "05-gke-custom-metrics-gmp-hpa.yaml", series: ["prometheus.googleapis.com|custom_prometheus|gauge"],
             expect: .runs(policies: 1, shows: ["custom_prometheus"])),
        Case(file: "06-gke-pubsub-hpa.yaml", series: ["pubsub.googleapis.com|subscription|num_undelivered_messages"],
             expect: .runs(policies: 1, shows: ["num_undelivered_messages"])),
        Case(file: "07-gke-scheduled-autoscaler-hpa.yaml", series: ["custom.googleapis.com|scheduled_autoscaler_example"],
             expect: .runs(policies: 1, shows: ["vs target 60%"])),
        Case(file: "08-gke-vllm-tpu-hpa.yaml", series: ["prometheus.googleapis.com|vllm:num_requests_waiting|gauge"],
             expect: .runs(policies: 1, shows: ["above maxReplicas → 2"])),
        Case(file: "09-gke-lws-vllm-hpa.yaml", series: ["prometheus.googleapis.com|vllm:num_requests_waiting|gauge"],
             expect: .runs(policies: 1, shows: ["leaderworkerset/vllm"])),
        Case(file: "10-gke-t5-hpa.yaml", series: ["prometheus.googleapis.com|ts_queue_latency_microseconds|counter"],
             expect: .runs(policies: 1, shows: ["ts_queue_latency_microseconds"])),
        Case(file: "11-gke-nginx-v2beta2-with-deployment.yaml",
             expect: .runs(policies: 1, shows: ["skipped Deployment 'my-nginx'", "minReplicas → 10"])),
        Case(file: "12-gke-kubectl-get-v2beta2.yaml", expect: .runs(policies: 11, shows: ["memory", "vs target 60%", "vs target 70%"])),
        Case(file: "13-gke-kubectl-get-v1.yaml", expect: .runs(policies: 11, shows: ["memory", "vs target 60%"])),
        Case(file: "14-gke-kubectl-get-v2beta1.yaml", expect: .runs(policies: 11, shows: ["memory", "vs target 60%"])),
        Case(file: "15-eks-workshop-hpa-v1.yaml", expect: .runs(policies: 1, shows: ["vs target 80%"])),
        Case(file: "16-knative-activator-hpa.yaml",
             expect: .runs(policies: 1, shows: ["skipped PodDisruptionBudget 'activator-pdb'", "vs target 100%"])),
        Case(file: "17-knative-kourier-install.yaml",
             expect: .runs(policies: 1, shows: ["skipped Namespace 'kourier-system'", "skipped ConfigMap", "skipped PodDisruptionBudget"])),
        Case(file: "18-istio-autoscaling-v2-golden.yaml", expect: .runs(policies: 2, shows: ["vs target 80%", "vs target 90%"])),
        Case(file: "19-istio-gateway-hpa-pdb-golden.yaml",
             expect: .runs(policies: 1, shows: ["skipped PodDisruptionBudget 'istio-ingressgateway'"])),
        Case(file: "20-istio-autoscaling-ingress-v2-golden.yaml", expect: .refused(because: ["spec.metrics[0] without 'type'"])),
        Case(file: "21-mimir-helm-nginx-v2-hpa.yaml", expect: .runs(policies: 1, shows: ["vs target 60%"])),
        Case(file: "22-vllm-stack-hpa-object.yaml", series: ["vllm_num_requests_waiting"], expect: .runs(policies: 1, shows: ["above maxReplicas → 2"])),
        Case(file: "23-llm-d-hpa-external-behavior.yaml", series: ["wva_desired_replicas"], expect: .runs(policies: 1, shows: ["above maxReplicas → 2"])),
        Case(file: "24-tortoise-containerresource-hpa.yaml",
             expect: .runs(policies: 1, shows: ["ContainerResource cpu of container 'nginx'", "container 'istio-proxy'"])),
        Case(file: "25-argo-helm-keda-cpu-so.yaml", expect: .runs(policies: 1, shows: ["vs target 50%"])),
        Case(file: "26-keda-sample-go-rabbitmq-consumer.yaml", series: ["rabbitmq/hello"],
             expect: .runs(policies: 1, shows: ["skipped Secret 'rabbitmq-consumer-secret'", "skipped TriggerAuthentication", "rabbitmq/hello"])),
        Case(file: "27-keda-sample-servicebus-autoscaling.yaml", series: ["azure-servicebus/orders"],
             expect: .runs(policies: 1, shows: ["azure-servicebus/orders", "skipped Secret 'secrets-order-management'"])),
        Case(file: "28-keda-sample-kafka-function-legacy.yaml", expect: .refused(because: ["keda.k8s.io/v1alpha1", "KEDA 1"])),
        Case(file: "29-keda-http-addon-interceptor-so.yaml", expect: .refused(because: ["external", "GetMetricSpec"])),
        Case(file: "30-kafka-scaledjob.yaml", expect: .refused(because: ["kind ScaledJob", "one Job per batch"])),
        Case(file: "31-gke-keda-pubsub-so.yaml", series: ["gcp-pubsub/projects/${PROJECT_ID}/subscriptions/keda-echo-read"],
             expect: .runs(policies: 1, shows: ["keda-echo-read"])),
        Case(file: "32-gke-slurm-keda-so.yaml",
             series: ["sum(slurm_partition_jobs_pending{project_id=\"PROJECT_ID\",partition=\"cpu-partition\",cluster=\"CLUSTER_NAME\"})+sum(slurm_partition_nodes_alloc{project_id=\"PROJECT_ID\",partition=\"cpu-partition\",cluster=\"CLUSTER_NAME\"})"],
             expect: .runs(policies: 1, shows: ["slurm_partition_jobs_pending", "skipped PodMonitoring"])),
        Case(file: "33-eks-workshop-keda-cloudwatch.yaml", series: ["aws-cloudwatch"], expect: .runs(policies: 1, shows: ["aws-cloudwatch"])),
        Case(file: "34-mimir-helm-distributor-so.yaml", series: [
            "max_over_time(sum(sum by (pod) (rate(container_cpu_usage_seconds_total{container=\"distributor\",namespace=\"citestns\"}[5m])) and max by (pod) (up{container=\"distributor\",namespace=\"citestns\"}) > 0)[15m:]) * 1000",
            "max_over_time(sum((sum by (pod) (container_memory_working_set_bytes{container=\"distributor\",namespace=\"citestns\"}) and max by (pod) (up{container=\"distributor\",namespace=\"citestns\"}) > 0) or vector(0))[15m:]) + sum(sum by (pod) (max_over_time(kube_pod_container_resource_requests{container=\"distributor\",namespace=\"citestns\", resource=\"memory\"}[15m])) and max by (pod) (changes(kube_pod_container_status_restarts_total{container=\"distributor\",namespace=\"citestns\"}[15m]) > 0) and max by (pod) (kube_pod_container_status_last_terminated_reason{container=\"distributor\",namespace=\"citestns\", reason=\"OOMKilled\"}) or vector(0))",
        ], expect: .runs(policies: 1, shows: ["keda-autoscaling-values-mimir-distributor"])),
        Case(file: "35-mimir-helm-querier-so.yaml", series: ["cortex_querier_hpa_default", "cortex_querier_hpa_default_requests_duration"],
             expect: .runs(policies: 1, shows: ["cortex_querier_hpa_default"])),
        Case(file: "36-mimir-helm-distributor-autoscaling.yaml", series: [
            "max_over_time(sum(rate(container_cpu_usage_seconds_total{container=\"distributor\",namespace=\"citestns\"}[5m]))[15m:]) * 1000",
            "max_over_time(sum(container_memory_working_set_bytes{container=\"distributor\",namespace=\"citestns\"})[15m:])",
        ], expect: .runs(policies: 1, shows: ["keda-autoscaling-values-mimir-distributor"])),
        Case(file: "37-aws-keda-amp-so.yaml", series: ["vector(100)"], expect: .runs(policies: 1, shows: ["vector(100)"])),
        Case(file: "38-keda-vpa-nap-so.yaml",
             series: ["avg(rate(http_requests_received_total{service=\"serverloader\", exported_endpoint=\"/workout\"}[1m]))"],
             expect: .runs(policies: 1, shows: ["skipped TriggerAuthentication 'azure-managed-prometheus-trigger-auth'"])),
        Case(file: "39-gitops-cpu-so.yaml", expect: .refused(because: ["a cpu trigger without 'metricType'"])),
        Case(file: "40-autoscaledemo-so.yaml", series: ["sum(irate(http_requests_total[5m]))"],
             expect: .runs(policies: 1, shows: ["unknown field 'metricname'", "ignored"])),
        Case(file: "41-keda-kafka-idle-so.yaml", series: ["kafka/keda-topic"], expect: .runs(policies: 1, shows: ["kafka/keda-topic"])),
        Case(file: "42-keda-statefulset-rabbitmq-so.yaml",
             series: ["rabbitmq/demo_queue.Customer", "rabbitmq/demo_queue.CustomerMapping", "rabbitmq/demo_queue.ContractPricing"],
             expect: .runs(policies: 1, shows: ["statefulset/statefulset-name"])),
        Case(file: "43-llm-d-queue-guard-scalingmodifiers-so.yaml", series: ["queue", "running", "pending"],
             expect: .runs(policies: 1, shows: ["composite-metric"])),
        Case(file: "44-llm-d-prefill-token-aware-so.yaml", series: ["prefill-backlog-seconds"], expect: .runs(policies: 1, shows: ["prefill-backlog-seconds"])),
        Case(file: "45-vllm-stack-keda-so.yaml", series: ["vllm:num_requests_waiting"], expect: .runs(policies: 1, shows: ["above maxReplicas → 2"])),
        Case(file: "46-k8s-autoscaling-architecture-multi-so.yaml",
             series: ["rabbitmq/task-queue", "kafka/events-topic", "aws-sqs-queue/https://sqs.ap-south-1.amazonaws.com/123456789/my-queue"],
             expect: .runs(policies: 4, shows: ["skipped TriggerAuthentication 'keda-aws-credentials'", "rabbitmq/task-queue", "kafka/events-topic"])),
        Case(file: "47-odh-kueue-workload-so.yaml", series: ["sum(rate(DCGM_FI_DEV_GPU_UTIL{pod=~\"chris-raycluster.*\"}[1m]))"],
             expect: .runs(policies: 1, shows: ["above maxReplicas → 1"])),
        Case(file: "48-keda-demo-prometheus-so.yaml", series: ["sum(rate(nginx_http_requests_total{service=\"test-app-nginx\"}[1m]))"],
             expect: .runs(policies: 1, shows: ["unknown field 'metricType'", "nginx_http_requests_total"])),
    ]

    /// Every manifest of the folder has a case, and every case a manifest.
    func testEveryManifestHasACase() throws {
        let folder = try PackageFolders.shared("datasets/k8s-manifests")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertEqual(files, Self.cases.map(\.file))
        XCTAssertEqual(files.count, 48)
    }

    func testEveryManifestRunsOrIsRefusedAsExpected() throws {
        let folder = try PackageFolders.shared("datasets/k8s-manifests")
        let dir = try TempDir()
        try Self.writeTrace(in: dir.url)
        for c in Self.cases {
            let scenario = dir.url.appendingPathComponent("scenario-\(c.file)")
            try Self.scenario(manifest: "\(folder)/\(c.file)", series: c.series).write(to: scenario, atomically: true, encoding: .utf8)
            let out = dir.url.appendingPathComponent("out-\(c.file)")
            let result = try CLI.run(["run", scenario.path, "--out", out.path, "--no-history", "--jobs", "1"], in: dir.url)
            switch c.expect {
            case .runs(let policies, let shows):
                XCTAssertEqual(result.status, 0, "\(c.file): \(result.stderr)")
                guard result.status == 0 else { continue }
                let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
                XCTAssertEqual(summary.split(separator: "\n").count - 1, policies, "\(c.file): policies in summary.csv")
                var text = result.stdout + result.stderr
                for f in try FileManager.default.contentsOfDirectory(atPath: out.path) where f.hasPrefix("decisions-") {
                    text += try String(contentsOf: out.appendingPathComponent(f), encoding: .utf8)
                }
                for s in shows { XCTAssertTrue(text.contains(s), "\(c.file): expected '\(s)' in the run's outputs") }
            case .refused(let because):
                XCTAssertEqual(result.status, 2, "\(c.file): \(result.stdout)")
                for s in because { XCTAssertTrue(result.stderr.contains(s), "\(c.file): expected '\(s)' in: \(result.stderr)") }
            }
        }
    }

    /// `validate` on each manifest alone: the same verdict as the run, and the notes.
    func testValidateGivesTheSameVerdictAndTheNotes() throws {
        let folder = try PackageFolders.shared("datasets/k8s-manifests")
        for c in Self.cases {
            let result = try CLI.run(["validate", "\(folder)/\(c.file)"])
            switch c.expect {
            case .runs(_, let shows):
                XCTAssertEqual(result.status, 0, "\(c.file): \(result.stderr)")
                for s in shows where s.hasPrefix("skipped") || s.hasPrefix("unknown field") {
                    XCTAssertTrue(result.stderr.contains("note: ") && result.stderr.contains(s), "\(c.file): note '\(s)'")
                }
            case .refused(let because):
                XCTAssertEqual(result.status, 2, c.file)
                for s in because { XCTAssertTrue(result.stderr.contains(s), "\(c.file): '\(s)'") }
            }
        }
    }

    /// A quarter-day generated trace plus `memory_bytes` (3e8 + 2e6 × rps bytes) and `q` (rps / 10).
    static func writeTrace(in dir: URL) throws {
        let generated = try CLI.run(["generate", "--pattern", "diurnal", "--days", "0.25", "--step", "15s", "--seed", "11", "--out", "base.csv"], in: dir)
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let lines = try String(contentsOf: dir.appendingPathComponent("base.csv"), encoding: .utf8).split(separator: "\n")
        var out = [lines[0] + ",memory_bytes,q"]
        for line in lines.dropFirst() {
            let rps = Double(line.split(separator: ",")[1]) ?? 0
            out.append("\(line),\(Int(3e8 + rps * 2e6)),\(rps / 10)")
        }
        try (out.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("trace.csv"), atomically: true, encoding: .utf8)
    }

    static func scenario(manifest: String, series: [String]) -> String {
        let columns = series.map { "      '\($0.replacingOccurrences(of: "'", with: "''"))': q" }.joined(separator: "\n")
        return """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata: {name: manifest}
            spec:
              trace:
                file: trace.csv
                step: 15s
                columns:
                  memory: memory_bytes
            \(columns)
              workload:
                name: deployment/web
                cpuRequest: 500m
                memoryRequest: 1Gi
                podCapacity: 120
                startupDelay: 45s
              policies:
                - file: \(manifest)

            """
    }
}
