/// HindsightReport: writers for CSV, JSON, Markdown, JUnit XML and HTML.
public enum HindsightReport {}
