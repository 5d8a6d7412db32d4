//! Reading title rows: columns, repairs, dates, kinds and the notes a bad row leaves.

use super::*;

const HEADER: &str = "show_id,type,title,director,cast,country,date_added,release_year,rating,duration,listed_in,description\n";

fn parse_str(body: &str) -> (Vec<TitleRow>, LoadReport) {
    let mut report = LoadReport::default();
    let rows = parse(
        format!("{HEADER}{body}").as_bytes(),
        "t.csv",
        "netflix",
        &mut report,
    )
    .unwrap();
    (rows, report)
}

#[test]
fn service_comes_from_the_file_name() {
    assert_eq!(
        service_from_file_name("netflix_titles.csv").as_deref(),
        Some("netflix")
    );
    assert_eq!(
        service_from_file_name("amazon_prime_titles.csv").as_deref(),
        Some("amazon_prime")
    );
    assert_eq!(
        service_from_file_name("netflix_extra_titles.csv").as_deref(),
        Some("netflix")
    );
    assert_eq!(service_from_file_name("titles.csv"), None);
    assert_eq!(service_from_file_name("netflix_titles.txt"), None);
}

#[test]
fn dataset_quirks_are_repaired_and_reported() {
    let (rows, report) = parse_str(
        "s1,Movie,A,,,\"United Kingdom,\",\" August 4, 2017\",2017,74 min,,Dramas,d\n\
         s2,TV Show,B,,,\", South Korea\",\"March 1, 2020\",2020,TV-MA,2 Seasons,\"Crime TV Shows, TV Dramas\",\"two\nlines\"\n",
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].origin, vec!["GB"]);
    assert_eq!(rows[0].duration.as_deref(), Some("74 min"));
    assert_eq!(rows[0].rating, None);
    assert_eq!(
        rows[0].date_added,
        Some(Day {
            year: 2017,
            month: 8,
            day: 4
        })
    );
    assert_eq!(rows[1].origin, vec!["KR"]);
    assert_eq!(rows[1].kind, Kind::Tv);
    assert_eq!(rows[1].description, "two\nlines");
    assert_eq!(rows[1].genres, vec!["Crime TV Shows", "TV Dramas"]);
    let lines: Vec<(u64, Action)> = report.notes.iter().map(|n| (n.line, n.action)).collect();
    assert_eq!(
        lines,
        vec![
            (2, Action::Repaired),
            (2, Action::Repaired),
            (2, Action::Repaired),
            (3, Action::Repaired)
        ]
    );
}

#[test]
fn bad_rows_are_skipped_and_the_rest_kept() {
    let (rows, report) = parse_str(
        "s1,Movie,,,,,,,,,,no title\n\
         s2,Thing,X,,,,,,,,,unknown type\n\
         s3,Movie,Kept,,,,,not a year,,,,\n\
         s4,Movie\n",
    );
    let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, vec!["Kept"]);
    assert_eq!(rows[0].release_year, None);
    let notes: Vec<(u64, Action)> = report.notes.iter().map(|n| (n.line, n.action)).collect();
    assert_eq!(
        notes,
        vec![
            (2, Action::Skipped),
            (3, Action::Skipped),
            (4, Action::Repaired),
            (5, Action::Skipped)
        ]
    );
}

#[test]
fn bom_crlf_and_garbage_never_panic() {
    let mut report = LoadReport::default();
    let input = "\u{feff}show_id,type,title\r\ns1,Movie,Crlf\r\n".to_string();
    let rows = parse(
        super::super::strip_bom(input.as_bytes()),
        "t.csv",
        "netflix",
        &mut report,
    )
    .unwrap();
    assert_eq!(rows[0].title, "Crlf");
    for junk in [
        &b"\xff\xfe\x00garbage"[..],
        b"",
        b"\"unclosed",
        b",,,,\n,,,\n",
    ] {
        let mut report = LoadReport::default();
        let _ = parse(junk, "j.csv", "x", &mut report).unwrap();
    }
}

/// Found by the property tests: the csv crate starts a record that follows a CRLF on the
/// previous line, so every line number of a CRLF file was one too small.
#[test]
fn crlf_rows_are_reported_on_their_own_lines() {
    for (input, want) in [
        ("title,type\r\nA,Movie\r\n,Movie\r\nB,Thing\r\n", vec![3, 4]),
        ("title,type\n\"A\",Movie\n,Movie\nB,Thing\n", vec![3, 4]),
        (
            "title,type\r\n\r\n\r\n,Movie\r\n\"x\r\ny\",Movie\r\n,tv\r\n",
            vec![4, 7],
        ),
    ] {
        let mut report = LoadReport::default();
        let rows = parse(input.as_bytes(), "t.csv", "netflix", &mut report).unwrap();
        let skipped: Vec<u64> = report.notes.iter().map(|n| n.line).collect();
        assert_eq!(skipped, want, "{input:?}");
        assert!(rows.iter().all(|r| r.line == 2 || r.line == 5), "{rows:?}");
    }
}

#[test]
fn dates_parse_in_both_formats() {
    assert_eq!(
        parse_day("September 25, 2021")
            .map(|d| d.to_string())
            .as_deref(),
        Some("2021-09-25")
    );
    assert_eq!(
        parse_day("2021-09-25").map(|d| d.to_string()).as_deref(),
        Some("2021-09-25")
    );
    assert_eq!(parse_day("Smarch 1, 2020"), None);
    assert_eq!(parse_day("February 40, 2020"), None);
}
