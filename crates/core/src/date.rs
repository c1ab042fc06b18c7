//! Today's date without a date library (the header of every artifact carries it).

/// `YYYY-MM-DD` for a count of days since 1970-01-01 (proleptic Gregorian calendar).
pub fn civil_date(days_since_epoch: i64) -> String {
    // Howard Hinnant's days_from_civil, inverted.
    let z = days_since_epoch + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// `YYYY-MM-DD` for milliseconds since the epoch (what a browser's `Date.now()` gives).
pub fn date_from_millis(millis: f64) -> String {
    civil_date((millis / 86_400_000.0).floor() as i64)
}
