# What src/render/ and the console write themselves. Every key here must also be in
# ../zh-CN/render.ftl, with the same placeholders (tests/locales.rs checks).
# English output is byte-identical to what the bot wrote before localisation: tests assert it.

## Status words
render-badge-available = ✅ available
render-badge-unavailable = 🚫 not available
render-badge-suspended = ⏸️ suspended
render-badge-unknown = ❔ unknown
# The terminal's [TAG] before a why-not answer.
render-tag-available = AVAILABLE
render-tag-unavailable = UNAVAILABLE
render-tag-suspended = SUSPENDED
render-tag-unknown = UNKNOWN
render-status-available = available
render-status-unavailable = not available
render-status-suspended = suspended
render-status-unknown = unknown

## Embeds
render-why-not-title = { $service } in { $place }: { $badge }
render-other-services = Other services here: { $commands }
render-also = You may also mean: { $commands }
render-from-documents = From the documents
render-why-not-footer = Facts are sourced; quotes are exact text from the indexed documents. /sources lists them.
render-since = { $label } (since { $since })
render-source-line = Source: { $sources }
render-document = document { $id }
render-document-paragraph = document { $id } ¶{ $paragraph }
render-citation-bytes = bytes { $start }–{ $end }
render-titles-title = Titles
render-titles-footer = Page { $page } of { $pages } · { $total } titles · { $query }
render-title-title = Title
render-search-title = Search
render-not-found-title = Nothing found
render-help-title = streambot help
render-more-not-shown = …and { $count } more not shown
render-also-known-as = Also known as { $aka }

## A title
render-kind-movie = movie
render-kind-tv = TV
render-card-aka = Also known as
render-card-type = Type
render-card-movie = Movie
render-card-tv = TV show
render-card-origin = Origin
render-card-genres = Genres
render-card-rating = Rating
render-card-duration = Duration
render-card-director = Director
render-card-cast = Cast
render-card-on = On
render-card-added-on = { $service } (added { $date })
render-card-sources = Sources
render-card-footer = id { $id }

## The terminal
render-text-aka = Also known as
render-text-genres = Genres
render-text-rating = Rating
render-text-duration = Duration
render-text-director = Director
render-text-cast = Cast
render-text-added = Added
render-text-added-on = { $service } on { $date }
render-text-about = About
render-text-sources = Sources
render-text-id = Id
render-text-not-found = Not found: { $message }
render-text-facts = Facts:
render-text-fact-source = source: { $source }
render-text-from-documents = From the documents:
render-text-more = More: add page:{ $page } to see the next page.
render-text-not-available = Not available
render-text-suspended = Suspended
render-text-unknown = Unknown
render-text-elsewhere = Everywhere else: { $status }

## Maps
render-map-title = Map
render-map-availability-title = { $service } availability · newest fact { $date }
render-map-undated = undated
render-map-figure-title = { $service }: { $figure } per country, { $date }
render-map-figure-library = library size (titles)
render-map-figure-price = Standard plan monthly price (USD)
render-map-date-unknown = date unknown
render-map-legend-available = Available
render-map-legend-unavailable = Not available
render-map-legend-suspended = Suspended
render-map-legend-unknown = Unknown (no source)
render-map-legend-no-figure = No figure
render-map-legend-by-status = Places by status
render-map-legend-per-band = Places per band
render-map-since = { $place } (since { $since })
render-map-source-facts = Facts: { $count } sources in streambot's data/countries.csv (/why-not <place> cites them)
render-map-source-figures = Figures: { $name } ({ $source })
render-map-source-line = { $facts } · Shapes: Natural Earth (public domain) · Equal Earth projection
render-map-field-unavailable = 🚫 Not available
render-map-field-suspended = ⏸️ Suspended
render-map-field-unknown = ❔ Unknown
render-map-field-count = { $name } ({ $count })
render-map-and-more = …and { $count } more
render-map-elsewhere-available = available
render-map-elsewhere-unavailable = not available
render-map-elsewhere-suspended = suspended
render-map-elsewhere-unknown = unknown: no source covers them
render-map-elsewhere = Every place not listed here is { $status }. Ask `/why-not <place> { $service }` for the facts and their sources.
render-map-highest = Highest
render-map-lowest = Lowest
render-map-figures-dated = These figures are from December 2021: they describe the catalogue then, not today (Netflix suspended its service in Russia in March 2022).
render-map-alt-start = World map. { $title }.
render-map-alt-darker = Darker means more.
render-map-alt-count = { $label }: { $count } places

## The console
console-welcome = streambot console — ask like in a DM: /why-not china, /titles origin:cn type:movie, /title Breaking Bad, or free text. /help for more, /quit to leave.
console-not-utf8 = That line was not valid UTF-8 text.
console-failed = Sorry, something went wrong answering that. Please try again.
console-map-saved = Map saved to { $path }
console-map-failed = Sorry, the map could not be drawn or saved.
render-settings-title = Your settings

render-ranking-title = Ranking
