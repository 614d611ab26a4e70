//! The crate's data files, each replaceable or extendable through the builder
//! ([`crate::ExtractorBuilder::table`], [`crate::ExtractorBuilder::extend_table`]). They are
//! written in Simplified; the Traditional spellings of their entries are derived when the
//! extractor is built ([`zhengling_tables::spellings`]).

use zhengling_tables::{Overrides, TableId};

/// A data file of the boilerplate crate (in `data/`, embedded). Start from
/// [`TableId::default_text`] to see the format; every file documents its columns in its
/// first comment lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Table {
    /// `boilerplate.tsv`: phrases that mark a block as boilerplate, with the reason.
    Boilerplate,
    /// `labels.tsv`: labels of the metadata line (`发布时间`, `来源`, `作者`).
    Labels,
    /// `hints.tsv`: class and id words and what they say about an element.
    Hints,
    /// `spam.txt`: words of keyword spam.
    Spam,
    /// `generic.txt`: words that are never a site's or a person's name.
    Generic,
    /// `not_names.tsv`: what an author credit can never be (label and role endings, common
    /// words, characters no given name holds).
    NotNames,
    /// `words.tsv`: the word lists of the rules (site and organisation endings, byline roles,
    /// site phrases, `<meta>` keys of the publication date, ...).
    Words,
    /// `surnames.tsv`: the surnames, the entities crate's table
    /// ([`zhengling_entities::Table::Surnames`]).
    Surnames,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 8] = [
        Table::Boilerplate,
        Table::Labels,
        Table::Hints,
        Table::Spam,
        Table::Generic,
        Table::NotNames,
        Table::Words,
        Table::Surnames,
    ];
}

impl TableId for Table {
    fn file(self) -> &'static str {
        match self {
            Table::Boilerplate => "boilerplate.tsv",
            Table::Labels => "labels.tsv",
            Table::Hints => "hints.tsv",
            Table::Spam => "spam.txt",
            Table::Generic => "generic.txt",
            Table::NotNames => "not_names.tsv",
            Table::Words => "words.tsv",
            Table::Surnames => zhengling_entities::Table::Surnames.file(),
        }
    }

    fn default_text(self) -> &'static str {
        match self {
            Table::Boilerplate => include_str!("../data/boilerplate.tsv"),
            Table::Labels => include_str!("../data/labels.tsv"),
            Table::Hints => include_str!("../data/hints.tsv"),
            Table::Spam => include_str!("../data/spam.txt"),
            Table::Generic => include_str!("../data/generic.txt"),
            Table::NotNames => include_str!("../data/not_names.tsv"),
            Table::Words => include_str!("../data/words.tsv"),
            Table::Surnames => zhengling_entities::Table::Surnames.default_text(),
        }
    }
}

/// The tables as the builder was given them.
pub(crate) type Tables = Overrides<Table>;

/// A named word list of `words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    SiteEnding,
    OrgEnding,
    IssuerEnding,
    SiteTrigger,
    SiteBefore,
    SiteOpen,
    SiteClose,
    SiteBracket,
    SiteAfter,
    CopyrightPhrase,
    About,
    CopyrightWord,
    BylineRole,
    ReportingVerb,
    FooterCredit,
    BlogLabel,
    BlogSuffix,
    BlogWord,
    AnnexOpening,
    DocNumberLabel,
    DatelineMark,
    ReporterRole,
    PhotoCredit,
    CountWord,
    OrdinalNumeral,
    TruncationMark,
    PublishedMetaKey,
    JsonldArticleType,
    HeadlineClass,
    Tld,
}

impl List {
    pub(crate) const ALL: [List; 30] = [
        List::SiteEnding,
        List::OrgEnding,
        List::IssuerEnding,
        List::SiteTrigger,
        List::SiteBefore,
        List::SiteOpen,
        List::SiteClose,
        List::SiteBracket,
        List::SiteAfter,
        List::CopyrightPhrase,
        List::About,
        List::CopyrightWord,
        List::BylineRole,
        List::ReportingVerb,
        List::FooterCredit,
        List::BlogLabel,
        List::BlogSuffix,
        List::BlogWord,
        List::AnnexOpening,
        List::DocNumberLabel,
        List::DatelineMark,
        List::ReporterRole,
        List::PhotoCredit,
        List::CountWord,
        List::OrdinalNumeral,
        List::TruncationMark,
        List::PublishedMetaKey,
        List::JsonldArticleType,
        List::HeadlineClass,
        List::Tld,
    ];

    /// The list's name in `words.tsv`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            List::SiteEnding => "site_ending",
            List::OrgEnding => "org_ending",
            List::IssuerEnding => "issuer_ending",
            List::SiteTrigger => "site_trigger",
            List::SiteBefore => "site_before",
            List::SiteOpen => "site_open",
            List::SiteClose => "site_close",
            List::SiteBracket => "site_bracket",
            List::SiteAfter => "site_after",
            List::CopyrightPhrase => "copyright_phrase",
            List::About => "about",
            List::CopyrightWord => "copyright_word",
            List::BylineRole => "byline_role",
            List::ReportingVerb => "reporting_verb",
            List::FooterCredit => "footer_credit",
            List::BlogLabel => "blog_label",
            List::BlogSuffix => "blog_suffix",
            List::BlogWord => "blog_word",
            List::AnnexOpening => "annex_opening",
            List::DocNumberLabel => "doc_number_label",
            List::DatelineMark => "dateline_mark",
            List::ReporterRole => "reporter_role",
            List::PhotoCredit => "photo_credit",
            List::CountWord => "count_word",
            List::OrdinalNumeral => "ordinal_numeral",
            List::TruncationMark => "truncation_mark",
            List::PublishedMetaKey => "published_meta_key",
            List::JsonldArticleType => "jsonld_article_type",
            List::HeadlineClass => "headline_class",
            List::Tld => "tld",
        }
    }

    /// Lists of markup words, which have no Traditional spellings.
    pub(crate) fn markup(self) -> bool {
        matches!(
            self,
            List::PublishedMetaKey | List::JsonldArticleType | List::HeadlineClass | List::Tld
        )
    }
}
