//! How a credit must look to name a person. A wrong author is worse than none: a value taken
//! from a byline must look like a name, and how much it must depends on how it was printed.
//!
//! - A **person's name**: two to four Han characters opening with a surname from the
//!   workspace's one surname table (the entities crate's `data/surnames.tsv`, common and
//!   rare, in both scripts), with no character `data/not_names.tsv` says never stands in a
//!   given name, or a Latin full name ([`zhengling_entities::names::Names::is_person`]).
//! - A **pen name** (`作者：太小心`, `作者[admin]`, `Posted by zboygirl`): any short run of
//!   Han characters, letters and digits that is not a label, role or section word.
//!
//! Neither may equal or end with a word of `data/not_names.tsv` (联系, 简介, 编辑, 手记, ...).

/// How a credit was printed, which decides how much it must look like a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// After an explicit label (`作者：`, `博主：`, `作者[…]`, `Posted by`), or declared in
    /// markup: a pen name will do.
    Labelled,
    /// Bare: glued to a role word (`记者张三`), in brackets, alone on a line, or named as a
    /// source: only a person's name will do.
    Bare,
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;
    use crate::tables::Tables;

    fn lexicon() -> Lexicon {
        Lexicon::new(&Tables::default()).unwrap()
    }

    #[test]
    fn persons() {
        let lex = lexicon();
        let n = lex.names();
        for s in ["张三", "马俊峰", "赵培", "欧阳修", "司马相如", "陳俐君", "嚴文廷", "Tom Brown"]
        {
            assert!(n.is_person(s), "{s}");
        }
        // label and section words, outlets, sentences, single characters, pen names
        for s in [
            "博客联系",
            "简介",
            "文章编辑",
            "手记",
            "读者见面会",
            "赵",
            "金羊网",
            "王府井的",
            "本报记者",
            "太小心",
            "海姑娘",
            "网络编辑",
            "Reuters",
            "chinanews",
            "张三李四王五",
            "宁波",
            "高雄",
            "金融界",
        ] {
            assert!(!n.is_person(s), "{s}");
        }
    }

    #[test]
    fn pen_names() {
        let lex = lexicon();
        let n = lex.names();
        for s in ["太小心", "海姑娘", "魑皇", "zboygirl", "admin", "放飞&心情", "山石"]
        {
            assert!(n.is_pen_name(s), "{s}");
        }
        for s in [
            "简介",
            "博客联系",
            "文章编辑",
            "作者手记",
            "1392",
            "AP0015",
            "《财经》综合报道",
            "手机版",
            "robot",
            "2022年2月",
            "赵",
        ] {
            assert!(!n.is_pen_name(s), "{s}");
        }
    }

    #[test]
    fn person_lists() {
        let lex = lexicon();
        let n = lex.names();
        assert!(n.is_person_list("赵延东、风笑天"));
        assert!(n.is_person_list("王建宏 张文攀"));
        assert!(!n.is_person_list("获奖名单"));
        assert!(!n.is_person_list("Tom Brown"));
    }
}
