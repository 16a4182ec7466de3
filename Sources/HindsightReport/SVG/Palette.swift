/// Colours of the charts: the Okabe–Ito palette, distinguishable under the common
/// colour-vision deficiencies (Okabe & Ito, "Color Universal Design", 2008).
/// The baseline (first policy) is black; the others take the palette in order,
/// skipping yellow (too light on white paper).
public enum Palette {
    /// Okabe–Ito black.
    public static let black = "#000000"
    /// Okabe–Ito orange.
    public static let orange = "#E69F00"
    /// Okabe–Ito skyBlue.
    public static let skyBlue = "#56B4E9"
    /// Okabe–Ito bluishGreen.
    public static let bluishGreen = "#009E73"
    /// Okabe–Ito yellow.
    public static let yellow = "#F0E442"
    /// Okabe–Ito blue.
    public static let blue = "#0072B2"
    /// Okabe–Ito vermilion.
    public static let vermilion = "#D55E00"
    /// Okabe–Ito reddishPurple.
    public static let reddishPurple = "#CC79A7"
    /// Load areas and secondary marks.
    public static let load = "#C9CDD3"
    /// Axis lines, grid and muted text.
    public static let grid = "#E3E6EA"
    /// Axis lines, muted text, and the baseline overlay.
    public static let axis = "#5F6670"

    /// The colours of policies 1, 2, … (policy 0 is `black`); wraps after seven.
    static let cycle = [blue, vermilion, bluishGreen, reddishPurple, orange, skyBlue, "#7F7F7F"]

    /// The colour of the policy at `index` in scenario order.
    public static func policy(_ index: Int) -> String {
        index <= 0 ? black : cycle[(index - 1) % cycle.count]
    }

    /// An SVG dash pattern for the policy at `index`, so lines differ by more than
    /// colour on grey-scale prints: solid for the first two, then dashed/dotted.
    public static func dash(_ index: Int) -> String? {
        switch index % 4 {
        case 0, 1: nil
        case 2: "6 3"
        default: "2 2"
        }
    }
}
