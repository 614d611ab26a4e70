//! The typed directive model. Serializes to the `directive` object of the output contract.

use serde::{Deserialize, Serialize};

/// The schema version written into every record.
pub const SCHEMA: &str = "zhengling.directive/1";

/// What kind of document a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Kind {
    /// 通知, 通告, 公告.
    Notice,
    /// A report of a meeting (会议, 专题会).
    Meeting,
    /// News or an interview reporting on measures.
    Report,
    /// Other news.
    News,
    /// Anything else.
    #[default]
    Other,
}

/// A meeting the page reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub struct Meeting {
    /// The meeting's name.
    pub name: Option<String>,
    /// Session number.
    pub session: Option<u32>,
    /// Date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Who chaired it.
    pub chair: Option<String>,
    /// 电视电话会议 and the like.
    pub format: Option<String>,
}

/// The rule for one risk level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RiskZone {
    /// `high`, `medium` or `low`.
    pub level: String,
    /// The rule (`足不出户、上门服务`).
    pub rule: String,
}

/// One coded measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Measure {
    /// The surface term.
    pub term: String,
    /// The taxonomy category.
    pub category: String,
    /// The OxCGRT indicator code, if one fits.
    pub oxcgrt: Option<String>,
}

/// One directive sentence or clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Item {
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte start in that paragraph.
    pub start: usize,
    /// Byte end in that paragraph.
    pub end: usize,
    /// The sentence or clause.
    pub text: String,
    /// must, must-not, should, encourage, report.
    pub modality: String,
    /// Who must act.
    pub actor: Option<String>,
    /// Whom it applies to.
    pub targets: Vec<String>,
    /// The measures it names.
    pub measures: Vec<Measure>,
}

/// A quantity reporting what was done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Statistic {
    /// The quantity's text.
    pub text: String,
    /// Its value.
    pub value: f64,
    /// Its unit.
    pub unit: Option<String>,
    /// Approximate.
    pub approximate: bool,
    /// What it counts.
    pub subject: Option<String>,
}

/// A typed record of what a page ordered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Directive {
    /// Schema version ([`SCHEMA`]).
    pub schema: String,
    /// Document kind.
    pub kind: Kind,
    /// Who ordered it.
    pub issuer: Option<String>,
    /// The division it governs.
    pub region: Option<String>,
    /// The national policy stage it invokes.
    pub phase: Option<String>,
    /// The meeting it reports.
    pub meeting: Option<Meeting>,
    /// 属地, 部门, 单位, 个人 ...
    pub responsibilities: Vec<String>,
    /// Rules per risk level.
    pub risk_zones: Vec<RiskZone>,
    /// Directive sentences.
    pub items: Vec<Item>,
    /// Reported quantities.
    pub statistics: Vec<Statistic>,
}

impl Default for Directive {
    fn default() -> Self {
        Directive {
            schema: SCHEMA.to_owned(),
            kind: Kind::Other,
            issuer: None,
            region: None,
            phase: None,
            meeting: None,
            responsibilities: Vec::new(),
            risk_zones: Vec::new(),
            items: Vec::new(),
            statistics: Vec::new(),
        }
    }
}
