//! SQL functions both backends share.

use diesel::sql_types::{Nullable, Text};

diesel::define_sql_function!(fn lower(x: Text) -> Text);
diesel::define_sql_function!(#[sql_name = "lower"] fn lower_opt(x: Nullable<Text>) -> Nullable<Text>);
