/// HindsightScenario: YAML → typed, validated scenario and policy specs.
public enum HindsightScenario {}
