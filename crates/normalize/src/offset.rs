//! Offset maps: for any span of a rewritten text, the byte range of the input it came from.

use std::borrow::Cow;

/// One piece of a rewrite: `out_len` output bytes at `out` came from `src_len` input bytes
/// at `src`. A copy (or a character-for-character replacement of equal byte lengths) maps
/// byte for byte; any other replacement maps only as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seg {
    out: usize,
    src: usize,
    out_len: usize,
    src_len: usize,
    copy: bool,
}

/// One rewrite step: segments covering the output contiguously, sources increasing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Layer {
    segs: Vec<Seg>,
    src_len: usize,
    out_len: usize,
}

impl Layer {
    /// The index of the segment holding output byte `p` (`p < out_len`).
    fn seg_at(&self, p: usize) -> Option<&Seg> {
        let i = self.segs.partition_point(|s| s.out + s.out_len <= p);
        self.segs.get(i)
    }

    fn map_start(&self, p: usize) -> usize {
        if p >= self.out_len {
            return self.src_len;
        }
        match self.seg_at(p) {
            Some(s) if s.copy => s.src + (p - s.out),
            Some(s) => s.src,
            None => self.src_len,
        }
    }

    fn map_end(&self, p: usize) -> usize {
        if p == 0 {
            return self.segs.first().map_or(0, |s| s.src);
        }
        match self.seg_at(p - 1) {
            Some(s) if s.copy => s.src + (p - s.out),
            Some(s) => s.src + s.src_len,
            None => self.src_len,
        }
    }
}

/// For any byte span of a normalized text, the byte range of the input it came from.
///
/// The map is monotone: later output spans come from later (or the same) input bytes.
/// Characters that were copied, or replaced character for character with equal byte
/// lengths (`国` for `國`), map character by character; any other replaced unit (a
/// repaired mojibake run, a folded full-width letter) maps as a whole; removed input (pinyin
/// annotations, control characters) belongs to no output span. Maps of successive stages
/// compose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    input_len: usize,
    output_len: usize,
    layers: Vec<Layer>,
}

impl OffsetMap {
    /// The identity map of a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        OffsetMap { input_len: len, output_len: len, layers: Vec::new() }
    }

    /// Whether output offsets equal input offsets.
    pub fn is_identity(&self) -> bool {
        self.layers.is_empty()
    }

    /// The length in bytes of the input text.
    pub fn input_len(&self) -> usize {
        self.input_len
    }

    /// The length in bytes of the output text.
    pub fn output_len(&self) -> usize {
        self.output_len
    }

    /// The input byte range an output byte range came from, or `None` if `start > end` or
    /// `end` is past the output.
    ///
    /// ```
    /// use zhengling_normalize::NormalizerBuilder;
    /// let n = NormalizerBuilder::new().build()?;
    /// let input = "網(wǎng)站(zhàn)通知";
    /// let out = n.normalize(input);
    /// assert_eq!(out.text, "网站通知");
    /// let (s, e) = out.map.source_range(6, 12).unwrap(); // 通知
    /// assert_eq!(&input[s..e], "通知");
    /// let (s, e) = out.map.source_range(0, 3).unwrap(); // 网
    /// assert_eq!(&input[s..e], "網");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn source_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start > end || end > self.output_len {
            return None;
        }
        let (mut s, mut e) = (start, end);
        for layer in self.layers.iter().rev() {
            if s == e {
                s = layer.map_start(s);
                e = s;
            } else {
                s = layer.map_start(s);
                e = layer.map_end(e).max(s);
            }
        }
        Some((s, e))
    }

    /// This map followed by `later` (a map of this map's output).
    #[must_use]
    pub fn then(mut self, later: OffsetMap) -> OffsetMap {
        if later.is_identity() {
            return self;
        }
        if self.is_identity() {
            return OffsetMap { input_len: self.input_len, ..later };
        }
        self.output_len = later.output_len;
        self.layers.extend(later.layers);
        self
    }

    fn push(&mut self, layer: Layer) {
        self.output_len = layer.out_len;
        if self.layers.is_empty() {
            self.input_len = layer.src_len;
        }
        self.layers.push(layer);
    }
}

/// A text and the map from it back to the text it was made from.
#[derive(Debug, Clone)]
pub struct Rewritten<'a> {
    /// The rewritten text, borrowed when nothing changed.
    pub text: Cow<'a, str>,
    /// Output to input offsets.
    pub map: OffsetMap,
}

impl<'a> Rewritten<'a> {
    /// The unchanged text.
    pub fn unchanged(text: &'a str) -> Self {
        Rewritten { text: Cow::Borrowed(text), map: OffsetMap::identity(text.len()) }
    }
}

/// Builds a rewritten text and its [`OffsetMap`] in one left-to-right pass.
///
/// Walk the input in order: [`copy_to`](Self::copy_to) keeps input bytes,
/// [`replace`](Self::replace) swaps a unit, [`delete`](Self::delete) drops input; what is
/// left at [`finish`](Self::finish) is copied. This is how a custom [`crate::Converter`]
/// reports what it changed.
///
/// ```
/// use zhengling_normalize::Rewriter;
/// let src = "a網(wǎng)b";
/// let mut w = Rewriter::new(src);
/// w.copy_to(1);
/// w.replace(4, "网");
/// w.delete(src.len() - 1);
/// let out = w.finish();
/// assert_eq!(out.text, "a网b");
/// assert_eq!(out.map.source_range(1, 4), Some((1, 4)));
/// ```
#[derive(Debug)]
pub struct Rewriter<'a> {
    src: &'a str,
    pos: usize,
    out: String,
    segs: Vec<Seg>,
    changed: bool,
}

impl<'a> Rewriter<'a> {
    /// Starts rewriting `src`.
    pub fn new(src: &'a str) -> Self {
        Rewriter { src, pos: 0, out: String::new(), segs: Vec::new(), changed: false }
    }

    /// The input position reached so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The output written so far.
    pub fn output(&self) -> &str {
        &self.out
    }

    fn reserve_once(&mut self) {
        if self.out.capacity() == 0 {
            self.out.reserve(self.src.len() + 16);
        }
    }

    fn push_seg(&mut self, src_len: usize, out_len: usize, copy: bool) {
        if src_len == 0 && out_len == 0 {
            return;
        }
        let out = self.out.len() - out_len;
        if copy
            && let Some(last) = self.segs.last_mut()
            && last.copy
            && last.src + last.src_len == self.pos
            && last.out + last.out_len == out
        {
            last.src_len += src_len;
            last.out_len += out_len;
            return;
        }
        self.segs.push(Seg { out, src: self.pos, out_len, src_len, copy });
    }

    /// Copies the input up to byte `end` unchanged (nothing if `end` is behind, or not
    /// on a character boundary).
    pub fn copy_to(&mut self, end: usize) {
        if end <= self.pos {
            return;
        }
        let Some(piece) = self.src.get(self.pos..end) else { return };
        self.reserve_once();
        self.out.push_str(piece);
        self.push_seg(piece.len(), piece.len(), true);
        self.pos = end;
    }

    /// Replaces the input from the current position up to byte `end` with `with`, as one
    /// unit (ignored if `end` is behind or not on a character boundary).
    pub fn replace(&mut self, end: usize, with: &str) {
        let Some(piece) = self.src.get(self.pos..end) else { return };
        if piece == with {
            self.copy_to(end);
            return;
        }
        self.reserve_once();
        self.changed = true;
        self.out.push_str(with);
        // Character-for-character replacements of equal byte lengths (国 for 國) map
        // character by character, and merge with neighbouring copies.
        let aligned = piece.len() == with.len()
            && piece.char_indices().map(|(i, _)| i).eq(with.char_indices().map(|(i, _)| i));
        self.push_seg(piece.len(), with.len(), aligned);
        self.pos = end;
    }

    /// Drops the input from the current position up to byte `end`.
    pub fn delete(&mut self, end: usize) {
        if end <= self.pos || self.src.get(self.pos..end).is_none() {
            return;
        }
        self.reserve_once();
        self.changed = true;
        self.pos = end;
    }

    /// Whether anything was replaced or deleted so far.
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// Copies the rest and returns the text with its map (borrowed if nothing changed).
    pub fn finish(mut self) -> Rewritten<'a> {
        if !self.changed {
            return Rewritten::unchanged(self.src);
        }
        self.copy_to(self.src.len());
        let mut map = OffsetMap::identity(self.src.len());
        map.push(Layer { segs: self.segs, src_len: self.src.len(), out_len: self.out.len() });
        Rewritten { text: Cow::Owned(self.out), map }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_in_range() {
        let m = OffsetMap::identity(5);
        assert_eq!(m.source_range(1, 3), Some((1, 3)));
        assert_eq!(m.source_range(3, 1), None);
        assert_eq!(m.source_range(0, 6), None);
    }

    #[test]
    fn unchanged_borrows() {
        let mut w = Rewriter::new("abc");
        w.copy_to(2);
        w.replace(3, "c");
        let r = w.finish();
        assert!(matches!(r.text, Cow::Borrowed("abc")));
        assert!(r.map.is_identity());
    }

    #[test]
    fn replacement_maps_as_unit_and_deletion_is_skipped() {
        let src = "xx國際(guó)yy";
        let mut w = Rewriter::new(src);
        w.copy_to(2);
        w.replace(8, "X");
        let del_end = src.find("yy").unwrap();
        w.delete(del_end);
        let r = w.finish();
        assert_eq!(r.text, "xxXyy");
        // The unit maps as a whole.
        assert_eq!(r.map.source_range(2, 3), Some((2, 8)));
        // "yy" after the deletion.
        assert_eq!(r.map.source_range(3, 5), Some((del_end, del_end + 2)));
        // A span over the deletion covers it.
        assert_eq!(r.map.source_range(2, 5), Some((2, src.len())));
    }

    #[test]
    fn aligned_replacement_maps_per_character() {
        let src = "xx國際yy";
        let mut w = Rewriter::new(src);
        w.copy_to(2);
        w.replace(8, "国际");
        let r = w.finish();
        assert_eq!(r.text, "xx国际yy");
        assert_eq!(r.map.source_range(5, 8), Some((5, 8)));
        assert_eq!(r.map.source_range(0, 10), Some((0, 10)));
    }

    #[test]
    fn layers_compose() {
        let a = "AB網(wǎng)C";
        let mut w = Rewriter::new(a);
        w.copy_to(5);
        w.delete(a.len() - 1);
        let first = w.finish();
        assert_eq!(first.text, "AB網C");
        let b = first.text.as_ref();
        let mut w = Rewriter::new(b);
        w.copy_to(2);
        w.replace(5, "网");
        let second = w.finish();
        assert_eq!(second.text, "AB网C");
        let map = first.map.clone().then(second.map.clone());
        assert_eq!(map.input_len(), a.len());
        assert_eq!(map.output_len(), 6);
        assert_eq!(map.source_range(2, 5), Some((2, 5)));
        assert_eq!(map.source_range(5, 6), Some((a.len() - 1, a.len())));
        assert_eq!(map.source_range(6, 6), Some((a.len(), a.len())));
    }
}
