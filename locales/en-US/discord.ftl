# Slash commands as Discord shows them: names, descriptions (at most 100 characters), options
# and choices. Names are lowercase, without spaces.
cmd-why-not = why-not
cmd-why-not-desc = Why is a streaming service not available somewhere? Status, sourced facts and quotes.
cmd-why-not-place = place
cmd-why-not-place-desc = A country or region: name, code or Chinese name (China, CN, 中国, Crimea…)
cmd-why-not-service = service
cmd-why-not-service-desc = The service (default Netflix)
cmd-titles = titles
cmd-titles-desc = Titles from the datasets: filter by origin, type, service, genre, years; 10 a page.
cmd-titles-origin = origin
cmd-titles-origin-desc = Country of production (name or code)
cmd-titles-type = type
cmd-titles-type-desc = Movie or TV show
cmd-titles-service = service
cmd-titles-service-desc = Streaming service
cmd-titles-genre = genre
cmd-titles-genre-desc = Genre, e.g. horror, documentaries
cmd-titles-year = year
cmd-titles-year-desc = Release year, or a range like 2010-2020
cmd-titles-added = added
cmd-titles-added-desc = Year added to the service, or a range
cmd-titles-director = director
cmd-titles-director-desc = A director's whole name, e.g. Bong Joon Ho
cmd-titles-cast = cast
cmd-titles-cast-desc = An actor's whole name, e.g. Lee Jung-jae
cmd-titles-query = query
cmd-titles-query-desc = Words to look for in titles, descriptions, cast
cmd-titles-sort = sort
cmd-titles-sort-desc = Order of the results
cmd-titles-place = place
cmd-titles-place-desc = Where you watch: only services available there
cmd-new = new
cmd-new-desc = What's new: the latest additions to a service, newest first.
cmd-new-service = service
cmd-new-service-desc = Streaming service (all four if left out)
cmd-new-origin = origin
cmd-new-origin-desc = Country of production (name or code)
cmd-new-type = type
cmd-new-type-desc = Movie or TV show
cmd-title = title
cmd-title-desc = Look up one title: where it streams, year, type, origin, genres, cast. Typos are fine.
cmd-title-name = name
cmd-title-name-desc = The title's name
cmd-title-service = service
cmd-title-service-desc = Is it on this service?
cmd-title-place = place
cmd-title-place-desc = Where you are: can it be watched there, and if not, why?
cmd-map = map
cmd-map-desc = A world map of where a streaming service is available, with a legend and sources.
cmd-map-service = service
cmd-map-service-desc = The service (default Netflix)
cmd-map-figure = figure
cmd-map-figure-desc = Shade Netflix's per-country figures instead (December 2021)
cmd-top = top
cmd-top-desc = What is watched most on Netflix, and where Netflix costs least or most, with dates and sources.
cmd-top-type = type
cmd-top-type-desc = Movie or TV show
cmd-top-by = by
cmd-top-by-desc = Views (default), hours viewed, library size or a plan's price
cmd-top-year = year
cmd-top-year-desc = Release year, or a range like 2024-2025
cmd-top-globally = globally
cmd-top-globally-desc = Only titles available in every Netflix country (or only those that are not)
cmd-top-order = order
cmd-top-order-desc = Highest first (default) or lowest first (cheapest, smallest)
cmd-top-place = place
cmd-top-place-desc = Compare these countries only, e.g. US, India, Turkey
cmd-top-page = page
cmd-top-page-desc = Page number
cmd-similar = similar
cmd-similar-desc = Titles like a title you name: shared genres, origin, people and story words.
cmd-similar-title = title
cmd-similar-title-desc = The title to find others like
cmd-similar-type = type
cmd-similar-type-desc = Movie or TV show (default: the title's own)
cmd-similar-service = service
cmd-similar-service-desc = Only titles on this service
cmd-ask = ask
cmd-ask-desc = Ask anything in your own words, e.g. "why can't I watch Netflix in Russia?"
cmd-ask-question = question
cmd-ask-question-desc = Your question
cmd-sources = sources
cmd-sources-desc = What streambot knows: documents, datasets, facts, and when the index was last rebuilt.
cmd-help = help
cmd-help-desc = How to use streambot.
cmd-reindex = reindex
cmd-reindex-desc = Moderators: reread the data and rebuild the index, optionally adding a file first.
cmd-reindex-file = file
cmd-reindex-file-desc = A titles CSV (<service>_titles.csv) or a .txt/.md document to add

choice-netflix = Netflix
choice-prime-video = Prime Video
choice-disney = Disney+
choice-hulu = Hulu
choice-movie = movie
choice-tv = tv
choice-relevance = relevance
choice-year = year
choice-title = title
choice-newest-added = newest added
choice-library-size = Library size
choice-monthly-price = Monthly price
choice-views = Views
choice-hours-viewed = Hours viewed
choice-basic-plan-price = Basic plan price
choice-standard-plan-price = Standard plan price
choice-premium-plan-price = Premium plan price
choice-yes = yes
choice-no = no
choice-highest-first = highest first
choice-lowest-first = lowest first

# Buttons and short replies.
button-previous = Previous
button-next = Next
only-the-asker = Only the person who asked can turn these pages — run /titles yourself to browse.
slow-down = You're asking faster than I can keep up with — please wait { $seconds } s and try again.
went-wrong = Sorry, something went wrong answering that. Please try again in a moment.
help-extra =
    /ask <question>              free text, like a direct message
    /sources                     what the bot knows and when it was last reindexed
    /reindex [file]              moderators: reread the data (optionally adding a file)

    You can also send me a direct message.

# Errors every interaction still gets an answer for.
error-bad-option = I could not read one of the options; /help shows how to write them.
error-not-allowed = You are not allowed to use this command.
error-outdated-command = Discord sent this command in an older form — it was just updated. Please try again in a minute.
error-unknown-command = I don't have that command any more — /help lists what I can do.

## /reindex, for moderators
reindex-refused = Only moderators can reindex, and only in the bot operator's own servers (Manage Server or a moderator role there, or an owner of the bot): what the bot knows is the same for every server, so no other server can change it. Nothing was changed.
reindex-too-large = `{ $file }` is { $size } bytes; the limit is { $limit }. Nothing was changed.
reindex-larger-than = `{ $file }` is larger than { $limit } bytes, the limit. Nothing was changed.
reindex-download-failed = I could not download that file from Discord. Nothing was changed.
reindex-no-data-dir = No data directory is configured. Nothing was changed.
reindex-added-titles = Added `{ $path }`: { $rows } titles for { $service }.
reindex-added-document = Added `{ $path }`: a document of { $paragraphs } paragraphs.
reindex-upload-refused = `{ $file }` was refused: { $why }
    Nothing was changed.
reindex-failed = Reindex failed: { $why }. The previous data and index are still in use.
reindex-why-unopenable = the new index could not be opened (details are in the log)
reindex-why-busy = another reindex is already running on this index (process { $pid }); try again when it finishes
reindex-why-busy-unknown = another reindex is already running on this index; try again when it finishes
reindex-why-stopped = the rebuild stopped before it finished (details are in the log)
reindex-progress = Reindexing… { $percent }% ({ $done } of { $total } records, { $seconds } s so far). Answers still come from the current index.
reindex-done = Reindexed in { $seconds } s: { $titles } titles, { $passages } passages, { $facts } facts from { $files } files.
reindex-no-skips = No rows skipped ({ $repaired } repaired, { $merged } merged).
reindex-skipped = { $count } rows skipped:
reindex-over-http = This server answers commands through replicas that each keep their own index, so /reindex cannot rebuild them from here. Run `streambot index` on each replica (see README, Deployment): each one serves its new build within seconds, without restarting. Nothing was changed.

# /sources: what the index holds.
sources-title = What streambot knows
sources-summary = { $titles } titles, { $passages } passages and { $facts } facts. Last rebuilt { $when } in { $ms } ms ({ $repaired } rows repaired, { $skipped } skipped, { $merged } merged).
sources-document = Document: { $title }
sources-document-detail = `{ $file }` · { $paragraphs } paragraphs · { $bytes } bytes
sources-file = { $kind } · { $rows } rows
sources-kind-titles = titles
sources-kind-facts = facts
sources-kind-figures = figures
sources-kind-metadata = document metadata

# Why an upload to /reindex was refused (what follows "refused: ").
upload-too-large = the file is { $size } bytes; the limit is { $limit } bytes
upload-empty = the file is empty
upload-not-text = the file is not UTF-8 text
upload-unsupported-name = only titles CSVs named `<service>_titles.csv` (e.g. `netflix_titles.csv`) and `.txt`/`.md` documents can be added
upload-too-many-columns = the CSV has { $columns } columns; a titles CSV has at most { $limit }
upload-cell-too-long = line { $line } has a cell of { $bytes } bytes; the limit is { $limit } bytes
upload-no-rows = the file has no usable rows:
upload-bad-rows = the file has rows that cannot be read:
upload-io = the file could not be written (the log says why)
upload-over-budget = uploads already hold { $used } bytes; with this file they would pass the budget of { $budget } bytes (UPLOAD_BUDGET_MB)
# One repaired or skipped row of an upload or a rebuild.
reindex-line = line { $line }: { $detail }

cmd-settings = settings
cmd-settings-desc = Remember your region, services and language (only you see them); forget deletes them.
cmd-settings-region = region
cmd-settings-region-desc = Where you watch: a country or region (Hong Kong, HK, 香港); none clears it
cmd-settings-services = services
cmd-settings-services-desc = The services you have, e.g. netflix, disney (or all, none)
cmd-settings-language = language
cmd-settings-language-desc = The language I answer you in
cmd-settings-server_region = server_region
cmd-settings-server_region-desc = Moderators: this server's default region for members without their own
cmd-settings-forget = forget
cmd-settings-forget-desc = Delete what is stored: everything about you, or this server's region
choice-my-services = My services
choice-automatic = Automatic
choice-english = English
choice-simplified-chinese = Simplified Chinese
choice-traditional-chinese = Traditional Chinese
choice-everything-about-me = Everything about me
choice-this-servers-region = This server's region
