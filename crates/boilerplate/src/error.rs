//! Errors: the workspace's one error type, [`zhengling_tables::Error`] (a message naming the
//! table and line, or the option, and an optional cause).

pub use zhengling_tables::{Error, Result};
