//! Properties of the directive model and rules.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use zhengling_directive::{
    Compliance, Directive, Document, Evidence, Item, Kind, Leader, Measure, Meeting, Modality,
    RelayedMeeting, RiskLevel, RiskZone, Rules, RulesBuilder, Statistic,
};
use zhengling_entities::{Context, Extractor, ExtractorBuilder, PartialDate};

fn text() -> impl Strategy<Value = String> {
    "[a-z0-9疫情防控核酸检测“”,。、]{0,12}"
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Notice),
        Just(Kind::Meeting),
        Just(Kind::Report),
        Just(Kind::News),
        Just(Kind::Other)
    ]
}

fn modality() -> impl Strategy<Value = Modality> {
    prop_oneof![
        Just(Modality::Must),
        Just(Modality::MustNot),
        Just(Modality::Should),
        Just(Modality::Encourage),
        Just(Modality::Report),
        Just(Modality::Statement)
    ]
}

fn evidence() -> impl Strategy<Value = Option<Evidence>> {
    proptest::option::of(
        (proptest::option::of(0usize..50), 0usize..500, 0usize..500, text())
            .prop_map(|(p, s, e, t)| Evidence::new(p, s, e, t)),
    )
}

fn measure() -> impl Strategy<Value = Measure> {
    (
        text(),
        text(),
        proptest::option::of("[CHEV][1-8]"),
        proptest::option::of(0u8..6),
        any::<bool>(),
        opt_text(),
        proptest::option::of(prop_oneof![
            Just(Compliance::Mandatory),
            Just(Compliance::Voluntary),
            Just(Compliance::WithPenalties)
        ]),
        opt_text(),
        (0usize..1000, 0usize..1000),
    )
        .prop_map(
            |(term, category, code, level, targeted, coronanet, compliance, from, (s, e))| {
                let mut m = Measure::new(term, category, code.as_deref());
                m.level = level;
                m.targeted = targeted;
                m.coronanet = coronanet;
                m.phsm = Some("3.1.2".to_owned());
                m.compliance = compliance;
                m.valid_from = from;
                m.start = s;
                m.end = e;
                m
            },
        )
}

fn item() -> impl Strategy<Value = Item> {
    (
        (0usize..20, 0usize..1000, 0usize..1000),
        text(),
        modality(),
        opt_text(),
        proptest::collection::vec(text(), 0..3),
        proptest::collection::vec(measure(), 0..3),
        opt_text(),
    )
        .prop_map(|((p, s, e), text, modality, actor, targets, measures, to)| {
            let mut i = Item::default();
            i.paragraph = p;
            i.start = s;
            i.end = e;
            i.text = text;
            i.modality = modality;
            i.actor = actor;
            i.targets = targets;
            i.measures = measures;
            i.valid_to = to;
            i
        })
}

fn statistic() -> impl Strategy<Value = Statistic> {
    // Values as the text writes them: digits with at most four decimals.
    (text(), 0i64..10_000_000_000, 0i32..5, opt_text(), any::<bool>(), opt_text()).prop_map(
        |(t, mantissa, scale, unit, approximate, subject)| {
            let mut s = Statistic::default();
            s.text = t;
            #[allow(clippy::cast_precision_loss)]
            let v = mantissa as f64 / 10f64.powi(scale);
            s.value = v;
            s.unit = unit;
            s.approximate = approximate;
            s.subject = subject;
            s
        },
    )
}

fn meeting() -> impl Strategy<Value = Option<Meeting>> {
    proptest::option::of(
        (opt_text(), opt_text(), proptest::option::of(0u32..500), opt_text(), opt_text(), text())
            .prop_map(|(name, date, session, chair, format, leader)| {
                let mut m = Meeting::default();
                m.name = name;
                m.date = date;
                m.session = session;
                m.chair = chair;
                m.format = format;
                let mut l = Leader::default();
                l.name = leader;
                l.titles = vec!["市委书记".to_owned()];
                l.role = Some("chair".to_owned());
                m.leaders.push(l);
                let mut r = RelayedMeeting::default();
                "省委第9次会议".clone_into(&mut r.name);
                r.session = Some(9);
                m.relays.push(r);
                m.venues.push("各县(市、区)".to_owned());
                m
            }),
    )
}

fn directive() -> impl Strategy<Value = Directive> {
    (
        (kind(), evidence(), opt_text(), opt_text(), opt_text(), opt_text()),
        meeting(),
        proptest::collection::vec(text(), 0..5),
        proptest::collection::vec(
            (
                prop_oneof![
                    Just(RiskLevel::High),
                    Just(RiskLevel::Medium),
                    Just(RiskLevel::Low),
                    Just(RiskLevel::Sealed)
                ],
                text(),
            ),
            0..3,
        ),
        proptest::collection::vec(item(), 0..4),
        proptest::collection::vec(statistic(), 0..3),
        (evidence(), opt_text()),
    )
        .prop_map(
            |(
                (kind, kind_evidence, issuer, region, code, phase),
                meeting,
                responsibilities,
                zones,
                items,
                statistics,
                (phase_evidence, valid_from),
            )| {
                let mut d = Directive::default();
                d.kind = kind;
                d.kind_evidence = kind_evidence;
                d.issuer = issuer;
                d.region = region;
                d.region_code = code;
                d.phase = phase;
                d.phase_evidence = phase_evidence;
                d.meeting = meeting;
                d.responsibilities = responsibilities;
                d.risk_zones = zones.into_iter().map(|(l, r)| RiskZone::new(l, r)).collect();
                d.items = items;
                d.statistics = statistics;
                d.valid_from = valid_from;
                d
            },
        )
}

fn rules() -> &'static Rules {
    static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    RULES.get_or_init(|| RulesBuilder::new().build().unwrap())
}

fn extractor() -> &'static Extractor {
    static X: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    X.get_or_init(|| ExtractorBuilder::new().build().unwrap())
}

/// Whether `s` is `YYYY-MM` or `YYYY-MM-DD`.
fn iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    (b.len() == 7 || b.len() == 10)
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && (b.len() == 7 || (b[7] == b'-' && digits(8..10)))
}

/// Paragraph text built from the words the rules react to, punctuation and noise.
fn paragraph() -> impl Strategy<Value = String> {
    let words = prop_oneof![
        Just("要"),
        Just("必须"),
        Just("严禁"),
        Just("倡导"),
        Just("已"),
        Just("各地"),
        Just("对"),
        Just("来自"),
        Just("中高风险地区"),
        Just("的人员"),
        Just("核酸检测"),
        Just("足不出户"),
        Just("高风险区"),
        Just("“"),
        Just("”"),
        Just("，"),
        Just(","),
        Just("。"),
        Just("；"),
        Just("、"),
        Just("("),
        Just(")"),
        Just("第12次会议"),
        Just("主持召开"),
        Just("10月6日"),
        Just("60余万人"),
        Just("闭环管理"),
        Just("入境"),
        Just("四方责任"),
        Just("属地"),
        Just("自即日起"),
        Just("至11月3日24时"),
        Just("自2022年11月15日12时起至11月18日24时"),
        Just("1月8日起"),
        Just("以来"),
        Just("实施"),
        Just("本通告自发布之日起施行"),
        Just("一、"),
        Just("暂停开放"),
        Just("三千余人"),
        Just("养老院"),
        Just("x"),
        Just("é"),
        Just("\n"),
        Just(" "),
        Just("🙂"),
    ];
    let vocabulary = proptest::collection::vec(words, 0..40).prop_map(|w| w.concat());
    // Any text at all, and vocabulary mixed with any text.
    prop_oneof![
        4 => vocabulary.clone(),
        1 => any::<String>(),
        1 => (vocabulary, any::<String>(), "[\\PC]{0,20}").prop_map(|(a, b, c)| format!("{a}{b}{c}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn model_round_trips_through_json(d in directive()) {
        let json = serde_json::to_string(&d).unwrap();
        let back: Directive = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, d);
    }

    #[test]
    fn item_spans_slice_their_paragraph(
        title in proptest::option::of(paragraph()),
        ps in proptest::collection::vec(paragraph(), 0..4),
        published in proptest::option::of(Just("2022-10-08")),
        with_entities in any::<bool>(),
    ) {
        let ctx = Context {
            published: published.map(|_| PartialDate { year: 2022, month: Some(10), day: Some(8) }),
            region: None,
        };
        let es = if with_entities {
            extractor().extract_document(&ps, &ctx)
        } else {
            vec![Vec::new(); ps.len()]
        };
        let d = rules().build(&Document {
            title: title.as_deref(),
            published,
            paragraphs: &ps,
            entities: &es,
            ..Document::default()
        });
        for i in &d.items {
            prop_assert_eq!(ps[i.paragraph].get(i.start..i.end), Some(i.text.as_str()));
            for m in &i.measures {
                prop_assert!(m.start >= i.start && m.end <= i.end);
                prop_assert_eq!(ps[i.paragraph].get(m.start..m.end), Some(m.term.as_str()));
            }
        }
        for s in &d.statistics {
            prop_assert_eq!(ps[s.paragraph].get(s.start..s.end), Some(s.text.as_str()));
        }
        for z in &d.risk_zones {
            if let Some(ev) = &z.evidence {
                let p = ev.paragraph.unwrap();
                prop_assert_eq!(ps[p].get(ev.start..ev.end), Some(z.rule.as_str()));
            }
        }
        // Every date is an ISO date.
        let dates = [&d.valid_from, &d.valid_to]
            .into_iter()
            .chain(d.items.iter().flat_map(|i| [&i.valid_from, &i.valid_to]))
            .chain(d.meeting.iter().map(|m| &m.date));
        for date in dates.flatten() {
            prop_assert!(iso_date(date), "{date}");
        }
        // And the record serializes.
        prop_assert!(serde_json::to_string(&d).is_ok());
    }
}
