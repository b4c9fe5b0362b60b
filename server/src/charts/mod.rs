//! Charts rendered on the server as SVG with plotters: the same input gives
//! byte-identical SVG, with a title and description for screen readers.
//! Pages put a data table beside every chart.

mod counts;
mod funnel;
mod spark;
mod xmr;

pub use counts::monthly_counts;
pub use funnel::funnel_plot;
pub use spark::sparkline;
pub use xmr::run_chart;

use plotters::style::RGBColor;

/// The title of a team's chart of `measure` (run chart and sparkline).
pub fn team_chart_title(measure: shared::network::Measure, team: &str) -> String {
    format!("{} – {team}", measure.label())
}

/// The palette of the stylesheet: text, neutral lines, and the colours of
/// improvement and concern (each also told apart by shape).
const TEXT: RGBColor = RGBColor(0x1c, 0x24, 0x30);
const NEUTRAL: RGBColor = RGBColor(0x50, 0x5a, 0x66);
const IMPROVEMENT: RGBColor = RGBColor(0x1d, 0x4f, 0x91);
const CONCERN: RGBColor = RGBColor(0xb3, 0x5c, 0x00);

/// A dashed line drawn the SVG way. plotters draws a dashed series as one
/// element per dash — hundreds on a long run chart, most of its bytes — so
/// the line is drawn whole in a stand-in colour used for nothing else, and
/// `apply` turns that colour into the real one with a `stroke-dasharray`.
struct Dash {
    stand_in: RGBColor,
    colour: RGBColor,
    pattern: &'static str,
}

/// Process and funnel limits.
const LIMIT: Dash = Dash {
    stand_in: RGBColor(0x50, 0x5a, 0x67),
    colour: NEUTRAL,
    pattern: "6 4",
};

impl Dash {
    fn style(&self) -> plotters::style::ShapeStyle {
        use plotters::style::Color;
        self.stand_in.stroke_width(1)
    }

    fn apply(&self, svg: String) -> String {
        let hex = |c: RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        svg.replace(
            &format!("stroke=\"{}\"", hex(self.stand_in)),
            &format!(
                "stroke=\"{}\" stroke-dasharray=\"{}\"",
                hex(self.colour),
                self.pattern
            ),
        )
    }
}

/// Escapes text for an SVG element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Makes plotters' SVG an image with a name and description: `role="img"`
/// and `<title>`/`<desc>` as its first children.
fn label(svg: String, title: &str, description: &str) -> String {
    let Some(open_end) = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|end| start + end))
    else {
        return svg;
    };
    let (head, tail) = svg.split_at(open_end);
    format!(
        "{head} role=\"img\" aria-labelledby=\"titel beschrijving\"><title id=\"titel\">{}</title><desc id=\"beschrijving\">{}</desc>{}",
        escape(title),
        escape(description),
        &tail[1..]
    )
}
