//! The four services' availability: why-not answers against the rows of `data/countries.csv`,
//! honest "unknown"s, figures' sources, and the world map checked pixel by pixel.

use crate::support;

use std::sync::OnceLock;

use streambot::answer::{Answer, AnswerKind, MapData, respond};
use streambot::corpus::Status;
use streambot::i18n::Lang;
use streambot::render::map::{self, legend::colors, world};
use streambot::search::Engine;
use support::fs::Scratch;
use tiny_skia::ColorU8;

/// A made-up figures file (not the public dataset): three markets, December 2021.
const FEES: &str = "Country_code,Country,Total Library Size,No. of TV Shows,No. of Movies,Cost Per Month - Basic ($),Cost Per Month - Standard ($),Cost Per Month - Premium ($)\r\n\
fr,France,5000,3000,2000,10.00,14.00,18.00\r\n\
ru,Russia,5700,3600,2100,8.00,10.00,13.00\r\n\
sg,Singapore,6000,4000,2000,9.00,12.00,15.00\r\n";

/// One engine: the shipped data plus the made-up figures, in a scratch directory.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<(Engine, Scratch)> = OnceLock::new();
    &ENGINE
        .get_or_init(|| {
            let scratch = Scratch::new("services");
            let figures = scratch.root.join("figures");
            std::fs::create_dir_all(&figures).unwrap();
            std::fs::write(figures.join("netflix_subscription_fee_dec2021.csv"), FEES).unwrap();
            let data = vec![scratch.data(), figures];
            let (engine, _) =
                Engine::open(&scratch.index(), &data, "tests/services.rs", &|_, _| {}).unwrap();
            (engine, scratch)
        })
        .0
}

fn ask(input: &str) -> Answer {
    respond(engine(), input, Lang::En).unwrap_or_else(|e| panic!("{input:?} failed: {e}"))
}

/// Every row of `countries.csv` as (service, place, status, since, fact, sources).
fn csv_rows() -> Vec<[String; 6]> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/countries.csv");
    let mut rdr = csv::Reader::from_path(path).unwrap();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            [0, 1, 2, 3, 5, 7].map(|i| r[i].to_string())
        })
        .collect()
}

/// The rows of one service and place, in file order.
fn rows(service: &str, place: &str) -> Vec<[String; 6]> {
    csv_rows()
        .into_iter()
        .filter(|r| r[0] == service && r[1] == place)
        .collect()
}

fn sources(cell: &str) -> Vec<String> {
    cell.split(" ; ").map(str::to_string).collect()
}

/// The answer's facts are exactly these rows: text, since-date and sources.
fn assert_facts_are(a: &Answer, rows: &[[String; 6]]) {
    assert!(a.facts().len() >= rows.len(), "{a:#?}");
    for (f, r) in a.facts().iter().zip(rows) {
        assert_eq!(f.value, r[4]);
        assert_eq!(
            f.since.as_deref(),
            Some(r[3].as_str()).filter(|s| !s.is_empty())
        );
        assert_eq!(f.sources, sources(&r[5]));
    }
}

#[test]
fn every_source_is_a_full_url_or_an_essay_paragraph() {
    let rows = csv_rows();
    assert_eq!(rows.len(), 96);
    for r in &rows {
        for s in sources(&r[5]) {
            assert!(
                s.starts_with("https://") || s.starts_with("http://") || s.starts_with("doc:"),
                "{s:?} in {r:?}"
            );
            assert!(!s.contains(' '), "{s:?}");
        }
    }
    for service in ["netflix", "amazon_prime", "disney_plus", "hulu"] {
        let everywhere: Vec<_> = rows
            .iter()
            .filter(|r| r[0] == service && r[1] == "*")
            .collect();
        assert!(!everywhere.is_empty(), "{service} has a * row");
    }
}

#[test]
fn disney_in_china_is_unavailable_by_regulation() {
    let a = ask("/why-not china disney");
    assert_eq!(a.kind(), AnswerKind::WhyNot);
    assert_eq!(a.service(), Some("disney_plus"));
    assert_eq!(a.status(), Some(Status::Unavailable));
    assert_eq!(a.message, "Disney+ is not available in China.");
    assert_facts_are(&a, &rows("disney_plus", "CN"));
    assert_eq!(a.facts()[0].label, "Regulation");
    assert!(
        a.suggestions().is_empty(),
        "Disney+ has facts of its own there"
    );
    // The essay is about Netflix: nothing of it is cited for Disney+.
    assert!(a.citations().is_empty());
}

#[test]
fn prime_in_russia_is_suspended_since_march_2022() {
    for input in [
        "/why-not place:russia service:prime",
        "/why-not russia prime",
    ] {
        let a = ask(input);
        assert_eq!(a.status(), Some(Status::Suspended), "{input}");
        assert_eq!(a.service(), Some("amazon_prime"));
        assert_eq!(
            a.message,
            "Prime Video suspended its service in Russia on 2022-03-08."
        );
        assert_facts_are(&a, &rows("amazon_prime", "RU"));
        assert_eq!(a.facts()[0].label, "War");
    }
}

#[test]
fn prime_elsewhere_is_available_and_its_exclusions_are_not() {
    let a = ask("/why-not france prime");
    assert_eq!(a.status(), Some(Status::Available));
    assert_facts_are(&a, &rows("amazon_prime", "*"));
    assert_eq!(
        a.suggestions(),
        ["/why-not france disney"],
        "Disney+ has a launch row for France"
    );
    for (place, code) in [
        ("iran", "IR"),
        ("north korea", "KP"),
        ("cuba", "CU"),
        ("syria", "SY"),
    ] {
        let a = ask(&format!("/why-not {place} prime"));
        assert_eq!(a.status(), Some(Status::Unavailable), "{place}");
        assert_facts_are(&a, &rows("amazon_prime", code));
    }
    assert!(rows("amazon_prime", "CU")[0][4].contains("Wikipedia"));
}

#[test]
fn nothing_sourced_means_unknown_never_a_guess() {
    let a = ask("/why-not north korea disney");
    assert_eq!(a.kind(), AnswerKind::WhyNot);
    assert_eq!(a.status(), Some(Status::Unknown));
    assert_eq!(
        a.message,
        "I don't know whether Disney+ is available in North Korea: no source I have covers it there. \
         Sourced facts cover Disney+ in 48 places (/map disney shows them). What is known about Disney+ is below."
    );
    assert_facts_are(&a, &rows("disney_plus", "*"));
    assert_eq!(
        a.suggestions(),
        ["/why-not north korea netflix", "/why-not north korea prime"]
    );

    let a = ask("/why-not crimea prime");
    assert_eq!(a.status(), Some(Status::Unknown));
    assert_eq!(
        a.message,
        "I don't know whether Prime Video is available in Crimea: no source I have says either way. \
         What is known about Prime Video is below."
    );
    assert_eq!(a.suggestions(), ["/why-not crimea netflix"]);
    let mut expected = rows("amazon_prime", "UA-43");
    expected.extend(rows("amazon_prime", "*"));
    assert_eq!(a.facts().len(), expected.len());
    assert_facts_are(&a, &expected);

    let json: serde_json::Value = serde_json::from_str(&streambot::render::json(&a)).unwrap();
    assert_eq!(json["status"], "unknown");
}

#[test]
fn hulu_is_us_only_and_japans_hulu_is_another_company() {
    let a = ask("/why-not united states hulu");
    assert_eq!(a.status(), Some(Status::Available));
    assert_eq!(a.message, "Hulu is available in United States.");
    assert_facts_are(&a, &rows("hulu", "US"));

    let a = ask("/why-not japan hulu");
    assert_eq!(a.status(), Some(Status::Unavailable));
    assert_facts_are(&a, &rows("hulu", "JP"));
    assert!(
        a.facts()[0].value.contains("Nippon TV"),
        "{:?}",
        a.facts()[0]
    );

    let a = ask("/why-not uk hulu");
    assert_eq!(a.status(), Some(Status::Unavailable));
    assert_facts_are(&a, &rows("hulu", "*"));
    assert_eq!(
        a.suggestions(),
        [
            "/why-not united kingdom prime",
            "/why-not united kingdom disney"
        ]
    );
}

#[test]
fn figures_name_their_dataset_never_a_local_path() {
    let a = ask("/why-not france");
    let figures: Vec<_> = a
        .facts()
        .iter()
        .filter(|f| f.label.starts_with("Library size"))
        .collect();
    assert_eq!(figures.len(), 1, "{a:#?}");
    assert_eq!(figures[0].label, "Library size (December 2021)");
    assert_eq!(
        figures[0].sources,
        [
            "netflix_subscription_fee_dec2021.csv, from the Kaggle dataset \"Netflix subscription price in different countries\" (Prasert Kanawattanachai), file \"Netflix subscription fee Dec-2021.csv\"",
            "https://www.kaggle.com/datasets/prasertk/netflix-subscription-price-in-different-countries",
        ]
    );
    assert!(
        !figures[0].source.contains("figures/"),
        "{}",
        figures[0].source
    );
}

fn map_of(input: &str) -> MapData {
    let a = ask(input);
    assert_eq!(a.kind(), AnswerKind::Map, "{a:#?}");
    a.map().expect("map data").clone()
}

/// Decodes a PNG into (width, height, RGB bytes).
fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(png_bytes);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

fn pixel(img: &(u32, u32, Vec<u8>), lon: f64, lat: f64) -> [u8; 3] {
    let (x, y) = map::pixel_of(img.0, img.1, lon, lat).unwrap();
    let i = ((y * img.0 + x) * 3) as usize;
    [img.2[i], img.2[i + 1], img.2[i + 2]]
}

fn rgb(c: ColorU8) -> [u8; 3] {
    [c.red(), c.green(), c.blue()]
}

const BEIJING: (f64, f64) = (116.40, 39.90);
const PARIS: (f64, f64) = (2.35, 48.86);
const MOSCOW: (f64, f64) = (37.62, 55.75);
const SIMFEROPOL: (f64, f64) = (34.10, 44.95);

#[test]
fn the_netflix_map_colours_each_place_by_its_status() {
    let data = map_of("/map netflix");
    let png = map::png(&data, 1600, 800, Lang::En).unwrap();
    assert!(png.len() < 500_000, "{} bytes", png.len());
    let img = decode(&png);
    assert_eq!((img.0, img.1), (1600, 800));
    assert_eq!(rgb(colors::UNAVAILABLE), [0xd1, 0x3f, 0x3b]);
    assert_eq!(pixel(&img, BEIJING.0, BEIJING.1), rgb(colors::UNAVAILABLE));
    assert_eq!(pixel(&img, PARIS.0, PARIS.1), rgb(colors::AVAILABLE));
    assert_eq!(pixel(&img, MOSCOW.0, MOSCOW.1), rgb(colors::SUSPENDED));
    // Crimea is its own region: unavailable (US sanctions), not suspended like Russia.
    assert_eq!(
        pixel(&img, SIMFEROPOL.0, SIMFEROPOL.1),
        rgb(colors::UNAVAILABLE)
    );
    assert_eq!(pixel(&img, -40.0, 0.0), rgb(colors::OCEAN), "mid-Atlantic");

    let w = world::world().unwrap();
    let counts: Vec<(String, usize)> = map::entries(w, &data, Lang::En)
        .into_iter()
        .map(|e| (e.label, e.count))
        .collect();
    assert_eq!(
        counts,
        [
            ("Available".to_string(), 234),
            ("Not available".to_string(), 4),
            ("Suspended".to_string(), 1),
            ("Unknown (no source)".to_string(), 0),
        ]
    );
    assert_eq!(
        map::legend::title(&data, Lang::En),
        "Netflix availability · newest fact 2022-05"
    );
}

#[test]
fn the_prime_map_keeps_crimea_unknown_and_russia_suspended() {
    let data = map_of("/map service:prime");
    let img = decode(&map::png(&data, 1600, 800, Lang::En).unwrap());
    assert_eq!(pixel(&img, BEIJING.0, BEIJING.1), rgb(colors::UNAVAILABLE));
    assert_eq!(pixel(&img, PARIS.0, PARIS.1), rgb(colors::AVAILABLE));
    assert_eq!(pixel(&img, MOSCOW.0, MOSCOW.1), rgb(colors::SUSPENDED));
    assert_eq!(
        pixel(&img, SIMFEROPOL.0, SIMFEROPOL.1),
        rgb(colors::UNKNOWN)
    );
    let counts: Vec<usize> = map::entries(world::world().unwrap(), &data, Lang::En)
        .iter()
        .map(|e| e.count)
        .collect();
    // Unavailable: CN KP IR CU SY; suspended: RU; unknown: BY SD VN UA-43.
    assert_eq!(counts, [229, 5, 1, 4]);
}

#[test]
fn the_disney_map_marks_small_places_and_lists_what_is_not_available() {
    let data = map_of("/map disney");
    assert_eq!(data.elsewhere, Status::Unknown);
    let w = world::world().unwrap();
    let marked = map::marked(w, &data, 1600, 800);
    for code in ["HK", "SG", "GI", "VA", "LU"] {
        assert!(marked.contains(&code.to_string()), "{code} in {marked:?}");
    }
    assert!(!marked.contains(&"FR".to_string()));
    let img = decode(&map::png(&data, 1600, 800, Lang::En).unwrap());
    assert_eq!(
        pixel(&img, 114.17, 22.32),
        rgb(colors::AVAILABLE),
        "Hong Kong's marker"
    );
    assert_eq!(
        pixel(&img, 103.82, 1.35),
        rgb(colors::AVAILABLE),
        "Singapore's marker"
    );
    assert_eq!(pixel(&img, BEIJING.0, BEIJING.1), rgb(colors::UNAVAILABLE));
    assert_eq!(pixel(&img, MOSCOW.0, MOSCOW.1), rgb(colors::UNAVAILABLE));
    assert_eq!(
        pixel(&img, 105.0, 47.0),
        rgb(colors::UNKNOWN),
        "Mongolia: no source"
    );
    let counts: Vec<usize> = map::entries(w, &data, Lang::En)
        .iter()
        .map(|e| e.count)
        .collect();
    assert_eq!(counts, [46, 2, 0, 191]);

    let a = ask("/map disney");
    let e = &streambot::render::embed::embeds(&a)[0];
    assert_eq!(e.title, "Disney+ availability · newest fact 2022-06-16");
    assert_eq!(e.fields[0].name, "🚫 Not available (2)");
    assert_eq!(e.fields[0].value, "China · Russia");
    let alt = map::alt_text(w, &data, map::ALT_MAX, Lang::En);
    assert!(
        alt.starts_with(
            "World map. Disney+ availability · newest fact 2022-06-16. Available: 46 places."
        ),
        "{alt}"
    );
    assert!(alt.chars().count() <= map::ALT_MAX);
}

#[test]
fn the_netflix_embed_lists_places_with_since_dates() {
    let a = ask("/map");
    let e = &streambot::render::embed::embeds(&a)[0];
    assert_eq!(e.fields[0].name, "🚫 Not available (4)");
    assert_eq!(
        e.fields[0].value,
        "China · North Korea · Syria · Crimea (since 2014-12-19)"
    );
    assert_eq!(e.fields[1].name, "⏸️ Suspended (1)");
    assert_eq!(e.fields[1].value, "Russia (since 2022-03-06)");
    assert_eq!(
        map::attachment_name(a.map().as_ref().unwrap()),
        "netflix-map.png"
    );
}

#[test]
fn figure_maps_shade_the_figures_and_cite_the_dataset() {
    let data = map_of("/map netflix library");
    assert_eq!(data.values.len(), 3);
    assert_eq!(data.values["FR"], 5000.0);
    assert_eq!(data.values_as_of.as_deref(), Some("2021-12"));
    let img = decode(&map::png(&data, 1600, 800, Lang::En).unwrap());
    let edges = map::legend::band_edges(&data);
    let fr = colors::BANDS[map::legend::band(&edges, 5000.0)];
    assert_eq!(pixel(&img, PARIS.0, PARIS.1), rgb(fr));
    assert_eq!(pixel(&img, BEIJING.0, BEIJING.1), rgb(colors::NO_DATA));
    assert!(
        map::source_line(&data, Lang::En)
            .starts_with("Figures: netflix_subscription_fee_dec2021.csv (https://www.kaggle.com/")
    );
    let price = map_of("/map figure:price");
    assert_eq!(price.values["FR"], 14.0, "the Standard plan");
    let a = ask("/map hulu price");
    assert_eq!(a.kind(), AnswerKind::NotFound);
}

#[test]
fn bad_sizes_are_refused_not_panicked_on() {
    let data = map_of("/map");
    assert!(matches!(
        map::png(&data, 10, 10, Lang::En),
        Err(map::MapError::Size { .. })
    ));
    assert!(map::png(&data, 400, 200, Lang::En).is_ok());
}

/// A map asked for in Chinese is drawn with Chinese text: every string the picture draws has
/// a glyph in the built-in fonts, for every service and figure, and the title differs from the
/// English picture's while the map itself is the same.
#[test]
fn a_chinese_map_is_written_in_chinese() {
    let w = world::world().unwrap();
    for input in [
        "/map netflix",
        "/map prime",
        "/map disney",
        "/map hulu",
        "/map netflix figure:library",
        "/map netflix figure:price",
    ] {
        let data = map_of(input);
        let title = map::legend::title(&data, Lang::Zh);
        assert!(title.chars().any(|c| c == '用' || c == '各'), "{title}");
        let mut drawn = vec![title, map::source_line(&data, Lang::Zh)];
        drawn.extend(
            map::entries(w, &data, Lang::Zh)
                .into_iter()
                .map(|e| e.label),
        );
        for text in drawn {
            assert!(map::has_glyphs(&text).unwrap(), "{input}: {text}");
        }
    }
    let data = map_of("/map netflix");
    let en = decode(&map::png(&data, 1600, 800, Lang::En).unwrap());
    let zh = decode(&map::png(&data, 1600, 800, Lang::Zh).unwrap());
    assert_eq!(pixel(&zh, BEIJING.0, BEIJING.1), rgb(colors::UNAVAILABLE));
    assert_eq!(pixel(&zh, PARIS.0, PARIS.1), rgb(colors::AVAILABLE));
    // The title band (top 60 rows) differs; Beijing, Paris and the ocean do not.
    let band = (1600 * 60 * 3) as usize;
    assert_ne!(en.2[..band], zh.2[..band]);
}
