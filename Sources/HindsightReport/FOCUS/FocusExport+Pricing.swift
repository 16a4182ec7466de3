import HindsightScenario

extension FocusExport {
    /// How the scenario prices pods, in FOCUS terms: the unit priced, its list price and
    /// the SKU the rows name.
    struct Pricing {
        /// `Pod-Hours` (resources model) or `Instance-Hours` (instance model).
        let unit: String
        /// USD per unit at price multiplier 1.
        let unitPrice: Double
        /// `Dynamic` when a price series moves the price over time, else `Standard`.
        let category: String
        let sku: String
        let skuPrice: String
        /// True when the unit priced is the pod itself (PricingQuantity = pod-hours).
        let perPod: Bool

        /// - Complexity: O(1).
        init(_ s: Scenario) {
            let c = s.cost
            let w = s.workload
            category = c.priceFile == nil ? "Standard" : "Dynamic"
            if c.model == .instance, let instance = c.instance {
                perPod = false
                unit = "Instance-Hours"
                unitPrice = instance.hourly
                sku = "instance-\(FocusExport.num(instance.vcpu))vcpu-\(FocusExport.num(instance.memoryGiB))gib"
            } else {
                let memGiB = w.memoryRequest / 1_073_741_824
                perPod = true
                unit = "Pod-Hours"
                // The resources model's price of one pod-hour (OpenCost allocation on requests).
                unitPrice = w.cpuRequest * c.cpuHour + memGiB * c.memoryGiBHour + Double(w.gpus) * c.gpuHour
                sku = "pod-\(FocusExport.num(w.cpuRequest))vcpu-\(FocusExport.num(memGiB))gib-\(w.gpus)gpu"
            }
            skuPrice = "\(sku)@\(FocusExport.num(unitPrice))"
        }
    }
}
