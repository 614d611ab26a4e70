//! The typed directive model. Serializes to the `directive` object of the output contract.
//!
//! Every type derives `Serialize` and `Deserialize`; missing knowledge is `None` (JSON `null`)
//! or an empty list, never a guess. Structs are `#[non_exhaustive]`: build them with
//! `Default::default()` (or the `new` constructors) and set fields.

use serde::{Deserialize, Serialize};

/// The schema version written into every record.
pub const SCHEMA: &str = "zhengling.directive/1";

/// What kind of document a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

impl Kind {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Notice => "notice",
            Kind::Meeting => "meeting",
            Kind::Report => "report",
            Kind::News => "news",
            Kind::Other => "other",
        }
    }
}

/// Where a piece of evidence stands: a byte span of the title or of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct Evidence {
    /// The paragraph index, or `None` for the title.
    pub paragraph: Option<usize>,
    /// Byte start in that paragraph (or the title).
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// The text there.
    pub text: String,
}

impl Evidence {
    /// Evidence at `paragraph` (`None` for the title) and `start..end`, with its text.
    pub fn new(
        paragraph: Option<usize>,
        start: usize,
        end: usize,
        text: impl Into<String>,
    ) -> Self {
        Evidence { paragraph, start, end, text: text.into() }
    }
}

/// A leader named in a meeting report, with the role the text gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct Leader {
    /// The person's name.
    pub name: String,
    /// Titles in text order (`省委常委`, `市委书记`).
    pub titles: Vec<String>,
    /// What the text says the person did: `chair`, `speaker` (讲话, 提出要求), `attendee`.
    pub role: Option<String>,
}

/// An upstream meeting whose spirit a meeting relays (`传达贯彻省委第109次…会议精神`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct RelayedMeeting {
    /// The upstream meeting's name as written.
    pub name: String,
    /// Its session number, when written.
    pub session: Option<u32>,
    /// The body that held it (`省委`), when written.
    pub body: Option<String>,
}

/// A meeting the page reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct Meeting {
    /// The meeting's name (`市疫情防控工作领导小组第139次会议`).
    pub name: Option<String>,
    /// The body that held it (`市疫情防控工作领导小组`).
    pub body: Option<String>,
    /// Session number.
    pub session: Option<u32>,
    /// Date, `YYYY-MM-DD` (or `YYYY-MM` when the day is not given).
    pub date: Option<String>,
    /// Who chaired it.
    pub chair: Option<String>,
    /// The chair's titles.
    pub chair_titles: Vec<String>,
    /// Leaders named with a role (the chair included).
    pub leaders: Vec<Leader>,
    /// 电视电话会议 and the like.
    pub format: Option<String>,
    /// Branch venues (`各县(市、区)` from `各县(市、区)设分会场`).
    pub venues: Vec<String>,
    /// Upstream meetings it relays.
    pub relays: Vec<RelayedMeeting>,
}

/// A risk level or zone type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum RiskLevel {
    /// 高风险区.
    #[default]
    High,
    /// 中风险区.
    Medium,
    /// 低风险区.
    Low,
    /// 封控区.
    Sealed,
    /// 管控区.
    Controlled,
    /// 防范区.
    Precautionary,
}

impl RiskLevel {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RiskLevel::High => "high",
            RiskLevel::Medium => "medium",
            RiskLevel::Low => "low",
            RiskLevel::Sealed => "sealed",
            RiskLevel::Controlled => "controlled",
            RiskLevel::Precautionary => "precautionary",
        }
    }
}

/// The rule for one risk level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct RiskZone {
    /// `high`, `medium`, `low` (or `sealed`, `controlled`, `precautionary` for 封控区, 管控区, 防范区).
    pub level: RiskLevel,
    /// The rule (`足不出户、上门服务`).
    pub rule: String,
    /// Where the rule stands.
    pub evidence: Option<Evidence>,
}

impl RiskZone {
    /// A zone rule.
    pub fn new(level: RiskLevel, rule: impl Into<String>) -> Self {
        RiskZone { level, rule: rule.into(), evidence: None }
    }
}

/// How binding a directive clause is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Modality {
    /// 要, 必须, 坚决, 严格 (and bare imperatives in notices and meetings).
    Must,
    /// 严禁, 不得, 禁止.
    MustNot,
    /// 应, 应当, 原则上.
    Should,
    /// 倡导, 引导, 鼓励.
    Encourage,
    /// A report of action already taken (已, 累计, 以来).
    Report,
    /// A statement naming measures without ordering them.
    #[default]
    Statement,
}

impl Modality {
    /// The kebab-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Must => "must",
            Modality::MustNot => "must-not",
            Modality::Should => "should",
            Modality::Encourage => "encourage",
            Modality::Report => "report",
            Modality::Statement => "statement",
        }
    }

    /// Whether it orders or asks for something (must, must-not, should, encourage).
    pub fn is_directive(self) -> bool {
        matches!(self, Modality::Must | Modality::MustNot | Modality::Should | Modality::Encourage)
    }
}

/// How compliance with a measure is secured (CoronaNet's compliance field, simplified).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Compliance {
    /// Required, no penalty named.
    Mandatory,
    /// Recommended or encouraged.
    Voluntary,
    /// Required, with accountability or legal penalties named (追责问责, 依法处理).
    WithPenalties,
}

/// One coded measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct Measure {
    /// The lexicon's term for the measure: the words the page uses (`text`), or the one term
    /// the lexicon gives a set of synonyms (`测温` for 测量体温, 体温检测, 体温正常…).
    pub term: String,
    /// The words as the page writes them: `paragraphs[paragraph][start..end]` (for a measure a
    /// shorthand stands for, the shorthand: `14+7`).
    pub text: String,
    /// The taxonomy category (see the crate's `data/categories.tsv`).
    pub category: String,
    /// The OxCGRT indicator code, if one fits.
    pub oxcgrt: Option<String>,
    /// The OxCGRT ordinal level the text supports (`C6` 3 for 足不出户).
    pub level: Option<u8>,
    /// Whether it applies to a risk area or district (OxCGRT flag 0) rather than everywhere.
    pub targeted: bool,
    /// The CoronaNet policy type.
    pub coronanet: Option<String>,
    /// The WHO PHSM code.
    pub phsm: Option<String>,
    /// Whether the text lifts the measure (`不再…`, `解除…`); its level is then 0.
    pub lifted: bool,
    /// How compliance is secured, for ordered measures.
    pub compliance: Option<Compliance>,
    /// When it takes effect (`YYYY-MM-DD`), when the text dates it.
    pub valid_from: Option<String>,
    /// When it ends (`YYYY-MM-DD`), when the text dates it.
    pub valid_to: Option<String>,
    /// Byte start of the term in the item's paragraph.
    pub start: usize,
    /// Byte end of the term in the item's paragraph.
    pub end: usize,
    /// When, relative to arrival, the measure applies (a test certificate carried on arrival is
    /// `before-arrival`; `落地即检` is `on-arrival`; `抵达后第7天` is `after-arrival`).
    pub timing: Option<Timing>,
    /// Whether the measure is a condition of entry or movement (`持…方可`, `凭…通行`).
    pub requirement: bool,
    /// How long it lasts (`14天集中隔离`, `居家健康监测7天`).
    pub duration: Option<Param>,
    /// The window it must fall in: a test taken `48小时内` before arrival, a report made
    /// `提前3天`.
    pub within: Option<Param>,
    /// How many times (`做2次核酸检测`).
    pub times: Option<Param>,
    /// How often (`每7天1次`).
    pub interval: Option<Param>,
    /// On which days (`第7天和第14天`), counted from arrival or from the start of the measure.
    pub days: Vec<Param>,
    /// The shorthand the measure was expanded from (`14+7`: 14 days of centralized quarantine,
    /// then 7 at home); the span is then the shorthand's.
    pub notation: Option<String>,
}

/// When a measure applies relative to a person's arrival.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Timing {
    /// Done before arrival and shown on arrival (a negative test certificate, a report made
    /// ahead).
    BeforeArrival,
    /// On arrival (`落地即检`, `抵达时`).
    OnArrival,
    /// After arrival (`返乡后`, `第7天`).
    AfterArrival,
}

impl Timing {
    /// The kebab-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Timing::BeforeArrival => "before-arrival",
            Timing::OnArrival => "on-arrival",
            Timing::AfterArrival => "after-arrival",
        }
    }
}

/// The unit of a measure parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Unit {
    /// Days (`天`, `日`; `周` is 7 days).
    #[default]
    Day,
    /// Hours (`小时`).
    Hour,
    /// A count (`次`).
    Time,
}

impl Unit {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Hour => "hour",
            Unit::Time => "time",
        }
    }
}

/// A number a measure carries, with the words it stands in.
/// `paragraphs[item.paragraph][start..end] == text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct Param {
    /// The value in `unit` (`一周` is 7 days).
    pub value: u32,
    /// Its unit.
    pub unit: Unit,
    /// The words it stands in (`72小时内`, `提前3天`, `2次`).
    pub text: String,
    /// Byte start in the item's paragraph.
    pub start: usize,
    /// Byte end in the item's paragraph.
    pub end: usize,
}

impl Param {
    /// A parameter of `value` `unit`, read from `text` at `start..end`.
    pub fn new(value: u32, unit: Unit, text: impl Into<String>, start: usize, end: usize) -> Self {
        Param { value, unit, text: text.into(), start, end }
    }
}

/// Where the people of a group come from, or which area they are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Origin {
    /// From abroad (`境外`, `入境`).
    Abroad,
    /// From a high-risk area.
    HighRisk,
    /// From a medium-risk area.
    MediumRisk,
    /// From a low-risk area (`低风险地区`, `非中高风险地区`).
    LowRisk,
    /// From a place with an outbreak that is not itself a risk area (`疫情发生地区`,
    /// `中高风险地区所在地市`, `重点关注地区`).
    OutbreakArea,
    /// From elsewhere in the country (`国内`, `外地`, `市外`).
    Domestic,
    /// From another province (`省外`, `外省`, `跨省`).
    OutOfProvince,
    /// From elsewhere in the province (`省内`).
    InProvince,
    /// People already here (`本地`, `市内`).
    Local,
    /// From places the text names (`石家庄市和邢台市低风险地区来返人员`): a group of those places,
    /// not everyone from such an area.
    NamedArea,
    /// Everyone (`所有人员`, `其他人员`).
    Any,
}

impl Origin {
    /// The kebab-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Abroad => "abroad",
            Origin::HighRisk => "high-risk",
            Origin::MediumRisk => "medium-risk",
            Origin::LowRisk => "low-risk",
            Origin::OutbreakArea => "outbreak-area",
            Origin::Domestic => "domestic",
            Origin::OutOfProvince => "out-of-province",
            Origin::InProvince => "in-province",
            Origin::Local => "local",
            Origin::NamedArea => "named-area",
            Origin::Any => "any",
        }
    }

    /// Parses the JSON name.
    pub fn from_name(s: &str) -> Option<Self> {
        Some(match s {
            "abroad" => Origin::Abroad,
            "high-risk" => Origin::HighRisk,
            "medium-risk" => Origin::MediumRisk,
            "low-risk" => Origin::LowRisk,
            "outbreak-area" => Origin::OutbreakArea,
            "domestic" => Origin::Domestic,
            "out-of-province" => Origin::OutOfProvince,
            "in-province" => Origin::InProvince,
            "local" => Origin::Local,
            "named-area" => Origin::NamedArea,
            "any" => Origin::Any,
            _ => return None,
        })
    }

    /// Whether it names a risk level or an outbreak (rather than a territory).
    pub fn is_risk(self) -> bool {
        matches!(
            self,
            Origin::HighRisk | Origin::MediumRisk | Origin::LowRisk | Origin::OutbreakArea
        )
    }
}

/// What a group of people does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Movement {
    /// Coming (`来`, `入`, `抵`, `进`).
    Arriving,
    /// Coming home (`返`, `回`, `返乡`).
    Returning,
    /// Going out (`离`, `出省`, `外出`).
    Leaving,
    /// Staying where they are (`就地过年`, `留在`).
    Staying,
}

impl Movement {
    /// The kebab-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Movement::Arriving => "arriving",
            Movement::Returning => "returning",
            Movement::Leaving => "leaving",
            Movement::Staying => "staying",
        }
    }

    /// Parses the JSON name.
    pub fn from_name(s: &str) -> Option<Self> {
        Some(match s {
            "arriving" => Movement::Arriving,
            "returning" => Movement::Returning,
            "leaving" => Movement::Leaving,
            "staying" => Movement::Staying,
            _ => return None,
        })
    }
}

/// A group of people an item applies to (`省外低风险地区返扬人员`, the header
/// `从低风险地区返回：` of the rules under it). `paragraphs[paragraph][start..end] == text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct Group {
    /// The words naming the group.
    pub text: String,
    /// The paragraph they stand in (a scope header may stand above the item).
    pub paragraph: usize,
    /// Byte start in that paragraph.
    pub start: usize,
    /// Byte end in that paragraph.
    pub end: usize,
    /// Where they come from: the risk level where one is named, else the territory.
    pub origin: Option<Origin>,
    /// A territory named beside a risk level (`省外` of `省外低风险地区`), or the risk level of
    /// named places (`低风险` of `石家庄市低风险地区`).
    pub area: Option<Origin>,
    /// What they do (arrive, come home, leave, stay).
    pub movement: Option<Movement>,
    /// Who they are, when the group is not anyone (`key-occupation`, `close-contact`,
    /// `student`, `elderly`, `rural-returner`, …: `data/groups.tsv`).
    pub people: Option<String>,
    /// The groups taken out of it (`除重点人群外`, `…以外的`).
    pub except: Vec<Group>,
    /// Whether it comes from a scope header above the item rather than the item's own words.
    pub inherited: bool,
}

impl Measure {
    /// A measure with a term, category and code; other fields default.
    pub fn new(term: impl Into<String>, category: impl Into<String>, oxcgrt: Option<&str>) -> Self {
        let term = term.into();
        Measure {
            text: term.clone(),
            term,
            category: category.into(),
            oxcgrt: oxcgrt.map(str::to_owned),
            ..Measure::default()
        }
    }
}

/// One directive sentence or clause. `paragraphs[paragraph][start..end] == text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
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
    /// must, must-not, should, encourage, report, statement.
    pub modality: Modality,
    /// Who must act.
    pub actor: Option<String>,
    /// Whom it applies to.
    pub targets: Vec<String>,
    /// The measures it names.
    pub measures: Vec<Measure>,
    /// The groups of people it applies to, typed: its own words (`省外低风险地区返扬人员`),
    /// else those of an earlier clause of its paragraph, else the scope header above it.
    pub groups: Vec<Group>,
    /// Measures the item waives (`无需隔离`, `不需进行核酸检测`): named, not ordered.
    pub exemptions: Vec<Measure>,
    /// When it takes effect (`YYYY-MM-DD`).
    pub valid_from: Option<String>,
    /// When it ends (`YYYY-MM-DD`).
    pub valid_to: Option<String>,
}

/// A quantity reporting what was done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
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
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte start in that paragraph.
    pub start: usize,
    /// Byte end in that paragraph.
    pub end: usize,
}

/// A string of a record with where it stands, as [`Directive::visit_text_mut`] gives it.
#[derive(Debug)]
#[non_exhaustive]
pub enum Text<'a> {
    /// The slice of paragraph `paragraph` (the title when `None`) at `start..end`: a span and
    /// its text move together.
    Spanned {
        /// Paragraph index, `None` for the title.
        paragraph: Option<usize>,
        /// Byte start.
        start: &'a mut usize,
        /// Byte end.
        end: &'a mut usize,
        /// The slice.
        text: &'a mut String,
    },
    /// A value read from the text or derived from it, without a span of its own.
    Value(&'a mut String),
}

impl<'a> Text<'a> {
    fn spanned(
        paragraph: Option<usize>,
        start: &'a mut usize,
        end: &'a mut usize,
        text: &'a mut String,
    ) -> Self {
        Text::Spanned { paragraph, start, end, text }
    }
}

impl Evidence {
    fn visit(&mut self, f: &mut dyn FnMut(Text<'_>)) {
        f(Text::spanned(self.paragraph, &mut self.start, &mut self.end, &mut self.text));
    }
}

impl Meeting {
    fn visit(&mut self, f: &mut dyn FnMut(Text<'_>)) {
        for v in self
            .name
            .iter_mut()
            .chain(&mut self.body)
            .chain(&mut self.chair)
            .chain(&mut self.chair_titles)
            .chain(&mut self.format)
            .chain(&mut self.venues)
        {
            f(Text::Value(v));
        }
        for l in &mut self.leaders {
            std::iter::once(&mut l.name).chain(&mut l.titles).for_each(|v| f(Text::Value(v)));
        }
        for r in &mut self.relays {
            std::iter::once(&mut r.name).chain(&mut r.body).for_each(|v| f(Text::Value(v)));
        }
    }
}

impl Param {
    fn visit(&mut self, paragraph: usize, f: &mut dyn FnMut(Text<'_>)) {
        f(Text::spanned(Some(paragraph), &mut self.start, &mut self.end, &mut self.text));
    }
}

impl Measure {
    fn visit(&mut self, paragraph: usize, f: &mut dyn FnMut(Text<'_>)) {
        // the words as written are spanned; the term is the lexicon's (a shorthand's measure,
        // `14+7`, names its term; a synonym names its set's term)
        f(Text::spanned(Some(paragraph), &mut self.start, &mut self.end, &mut self.text));
        f(Text::Value(&mut self.term));
        for p in [&mut self.duration, &mut self.within, &mut self.times, &mut self.interval]
            .into_iter()
            .flatten()
            .chain(&mut self.days)
        {
            p.visit(paragraph, f);
        }
    }
}

impl Group {
    fn visit(&mut self, f: &mut dyn FnMut(Text<'_>)) {
        f(Text::spanned(Some(self.paragraph), &mut self.start, &mut self.end, &mut self.text));
        for x in &mut self.except {
            x.visit(f);
        }
    }
}

impl Item {
    fn visit(&mut self, f: &mut dyn FnMut(Text<'_>)) {
        let p = self.paragraph;
        f(Text::spanned(Some(p), &mut self.start, &mut self.end, &mut self.text));
        self.actor.iter_mut().chain(&mut self.targets).for_each(|v| f(Text::Value(v)));
        for m in self.measures.iter_mut().chain(&mut self.exemptions) {
            m.visit(p, f);
        }
        for g in &mut self.groups {
            g.visit(f);
        }
    }
}

/// A typed record of what a page ordered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
#[non_exhaustive]
pub struct Directive {
    /// Schema version ([`SCHEMA`]).
    pub schema: String,
    /// Document kind.
    pub kind: Kind,
    /// Why the kind was chosen.
    pub kind_evidence: Option<Evidence>,
    /// Who ordered it (full name where the page gives it).
    pub issuer: Option<String>,
    /// Where the issuer's name stands.
    pub issuer_evidence: Option<Evidence>,
    /// Every issuer, `issuer` first (the signing bodies of a joint document).
    pub issuers: Vec<String>,
    /// The division it governs.
    pub region: Option<String>,
    /// The division's statistical code (`140100`).
    pub region_code: Option<String>,
    /// The national policy stage it invokes (`动态清零`, `常态化防控`, `乙类乙管`).
    pub phase: Option<String>,
    /// Where the stage is named.
    pub phase_evidence: Option<Evidence>,
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
    /// When the whole document takes effect (`本通告自…起施行`).
    pub valid_from: Option<String>,
    /// When the whole document ends.
    pub valid_to: Option<String>,
}

impl Default for Directive {
    fn default() -> Self {
        Directive {
            schema: SCHEMA.to_owned(),
            kind: Kind::Other,
            kind_evidence: None,
            issuer: None,
            issuer_evidence: None,
            issuers: Vec::new(),
            region: None,
            region_code: None,
            phase: None,
            phase_evidence: None,
            meeting: None,
            responsibilities: Vec::new(),
            risk_zones: Vec::new(),
            items: Vec::new(),
            statistics: Vec::new(),
            valid_from: None,
            valid_to: None,
        }
    }
}

impl Directive {
    /// The distinct OxCGRT codes of all measures, sorted.
    pub fn oxcgrt_codes(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = self
            .items
            .iter()
            .flat_map(|i| i.measures.iter())
            .filter_map(|m| m.oxcgrt.as_deref())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    }

    /// All measures of all items, in text order.
    pub fn measures(&self) -> impl Iterator<Item = &Measure> {
        self.items.iter().flat_map(|i| i.measures.iter())
    }

    /// Visits every string of the record once, with where it stands: a [`Text::Spanned`]
    /// string is the slice of paragraph `paragraph` (the title when `None`) at `start..end`, a
    /// [`Text::Value`] a value read from the text or derived from it (an issuer qualified by
    /// its region, a meeting's name, a group's people). The pipeline analyses a page kept in
    /// Traditional characters on a Simplified view of its text and moves every string of the
    /// record back to the shown text in one pass over this visitor.
    pub fn visit_text_mut(&mut self, f: &mut dyn FnMut(Text<'_>)) {
        for e in [&mut self.kind_evidence, &mut self.issuer_evidence, &mut self.phase_evidence]
            .into_iter()
            .flatten()
        {
            e.visit(f);
        }
        for v in self.issuer.iter_mut().chain(&mut self.issuers).chain(&mut self.region) {
            f(Text::Value(v));
        }
        self.phase.iter_mut().for_each(|v| f(Text::Value(v)));
        if let Some(m) = &mut self.meeting {
            m.visit(f);
        }
        self.responsibilities.iter_mut().for_each(|v| f(Text::Value(v)));
        for z in &mut self.risk_zones {
            f(Text::Value(&mut z.rule));
            if let Some(e) = &mut z.evidence {
                e.visit(f);
            }
        }
        for item in &mut self.items {
            item.visit(f);
        }
        for st in &mut self.statistics {
            f(Text::spanned(Some(st.paragraph), &mut st.start, &mut st.end, &mut st.text));
            st.unit.iter_mut().chain(&mut st.subject).for_each(|v| f(Text::Value(v)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_visited_once() {
        let mut d = Directive::default();
        let mut m = Measure::new("集中隔离", "quarantine", None);
        (m.start, m.end, m.notation, m.text) = (3, 7, Some("14+7".into()), "14+7".into());
        m.duration = Some(Param::new(14, Unit::Day, "14+7", 3, 7));
        d.items.push(Item {
            paragraph: 2,
            start: 0,
            end: 12,
            text: "实行14+7".into(),
            actor: Some("各地".into()),
            measures: vec![m],
            groups: vec![Group {
                text: "入境人员".into(),
                paragraph: 1,
                except: vec![Group { text: "学生".into(), paragraph: 1, ..Group::default() }],
                ..Group::default()
            }],
            ..Item::default()
        });
        d.issuer = Some("县".into());
        d.issuer_evidence = Some(Evidence::new(None, 0, 3, "县"));
        let mut spanned = Vec::new();
        let mut values = Vec::new();
        d.visit_text_mut(&mut |t| match t {
            Text::Spanned { paragraph, text, .. } => spanned.push((paragraph, text.clone())),
            Text::Value(v) => values.push(v.clone()),
        });
        assert_eq!(
            spanned,
            [
                (None, "县".to_owned()),
                (Some(2), "实行14+7".to_owned()),
                (Some(2), "14+7".to_owned()),
                (Some(2), "14+7".to_owned()),
                (Some(1), "入境人员".to_owned()),
                (Some(1), "学生".to_owned()),
            ]
        );
        assert_eq!(values, ["县", "各地", "集中隔离"]);
        // a visitor can move spans and rewrite strings
        d.visit_text_mut(&mut |t| {
            if let Text::Spanned { start, end, text, .. } = t {
                (*start, *end) = (*start * 2, *end * 2);
                text.push('!');
            }
        });
        assert_eq!(
            (d.items[0].start, d.items[0].end, d.items[0].text.as_str()),
            (0, 24, "实行14+7!")
        );
    }

    #[test]
    fn enums_serialize_to_contract_names() {
        let z = RiskZone::new(RiskLevel::High, "足不出户、上门服务");
        let v = serde_json::to_value(&z).unwrap();
        assert_eq!(v["level"], "high");
        assert_eq!(serde_json::to_value(Modality::MustNot).unwrap(), "must-not");
        assert_eq!(serde_json::to_value(Kind::Notice).unwrap(), "notice");
        assert_eq!(serde_json::to_value(Compliance::WithPenalties).unwrap(), "with-penalties");
        for m in [Modality::Must, Modality::MustNot, Modality::Report, Modality::Statement] {
            assert_eq!(serde_json::to_value(m).unwrap(), m.as_str());
        }
    }

    #[test]
    fn default_record_has_schema_and_nulls() {
        let v = serde_json::to_value(Directive::default()).unwrap();
        assert_eq!(v["schema"], SCHEMA);
        assert!(v["issuer"].is_null());
        assert_eq!(v["items"], serde_json::json!([]));
        // Older records without the added fields still parse.
        let d: Directive = serde_json::from_str(r#"{"kind":"meeting","items":[]}"#).unwrap();
        assert_eq!(d.kind, Kind::Meeting);
        assert_eq!(d.schema, SCHEMA);
    }

    #[test]
    fn codes_are_distinct_and_sorted() {
        let mut d = Directive::default();
        let mut item = Item::default();
        item.measures.push(Measure::new("核酸检测", "testing", Some("H2")));
        item.measures.push(Measure::new("流调", "contact-tracing", Some("H3")));
        item.measures.push(Measure::new("核酸", "testing", Some("H2")));
        item.measures.push(Measure::new("消杀", "hygiene", None));
        d.items.push(item);
        assert_eq!(d.oxcgrt_codes(), vec!["H2", "H3"]);
        assert_eq!(d.measures().count(), 4);
    }
}
