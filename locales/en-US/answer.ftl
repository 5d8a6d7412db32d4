# What the core answers (src/answer/) write. Every key here must also be in
# ../zh-CN/answer.ftl, with the same placeholders (tests/locales.rs checks).
# Sentences are whole messages; answers join them with a space in English and with nothing
# in Chinese (crate::answer::words::join).

## Lists and shared words

# `A, B` in a list of names; `A and B` at its end.
list-comma = { $head }, { $item }
list-and = { $head } and { $last }
# Items of a list of suggestions or searches.
list-semicolon = { $head }; { $item }
did-you-mean = Did you mean { $list }?

## /why-not

why-not-which-place = Which place? e.g. /why-not china
unknown-place = I don't know a place called "{ $input }".
former-country = { $place } no longer exists, so no service is offered there; ask about a country of today.
why-not-no-facts = I have no sourced availability facts for { $service }.
why-not-no-facts-others = I have no sourced availability facts for { $service }; I have them for { $known }.
why-not-unknown-specific = I don't know whether { $service } is available in { $place }: no source I have says either way.
why-not-unknown-general = I don't know whether { $service } is available in { $place }: no source I have covers it there.
why-not-covered = Sourced facts cover { $service } in { $count } places (/map { $word } shows them).
why-not-known-below = What is known about { $service } is below.
why-not-available = { $service } is available in { $place }.
why-not-available-elsewhere = { $service } is available in { $place }: the data records no restriction there, and the facts below say where { $service } is offered.
why-not-unavailable = { $service } is not available in { $place }.
why-not-suspended-since = { $service } suspended its service in { $place } on { $since }.
why-not-suspended = { $service } has suspended its service in { $place }.
why-not-stale-figure = (recorded before { $service } suspended service on { $since }; not current)

## Fact labels (the stored labels are English; answers show these)

fact-label-status = Status
fact-label-regulation = Regulation
fact-label-sanctions = Sanctions
fact-label-war = War
fact-label-business = Business
fact-label-note = Sources differ
fact-label-figures = Figures
figure-library = Library size
figure-price = Monthly price in USD
figure-dated = { $label } ({ $when })
figure-library-total = { $total } titles
figure-library-split = { $total } titles: { $tv } TV shows and { $movies } movies
plan-basic = Basic
plan-standard = Standard
plan-premium = Premium

## /titles

titles-origin-needs-country = `origin:` needs a country.
unknown-country = I don't know a country called "{ $input }".
titles-none = No titles match these filters.
titles-without = Without one of them: { $list }.
titles-relaxation = without { $filter }, { $count ->
        [one] { $count } title
       *[other] { $count } titles
    }
filter-origin = origin
filter-type = type
filter-service = service
filter-genre = genre
filter-year = year
filter-added = added
filter-director = director
filter-cast = cast
filter-query = query
titles-prime-origin = (The Prime Video dataset names a production country for only 7% of its titles.)
titles-past-end = Page { $page } is past the end: { $total } titles make { $pages } { $pages ->
        [one] page
       *[other] pages
    }.
titles-count-movie = { $total } { $total ->
        [one] movie
       *[other] movies
    }{ $filters }{ $scope }
titles-count-tv = { $total } { $total ->
        [one] TV show
       *[other] TV shows
    }{ $filters }{ $scope }
titles-count-any = { $total } { $total ->
        [one] title
       *[other] titles
    }{ $filters }{ $scope }
# The filters of a titles summary: `$filters` holds genre, director, cast, query and origin,
# `$scope` the service and the years, each piece led by a space (Chinese: nothing).
titles-in-genre = in genre "{ $genre }"
titles-directed-by = directed by { $name }
titles-with-cast = with { $name }
titles-matching = matching "{ $query }"
titles-from = from { $place }
titles-on = on { $service }
titles-released = , released { $years }
titles-added = , added { $years }
titles-released-from = , released { $year } or later
titles-released-until = , released { $year } or earlier
titles-added-from = , added { $year } or later
titles-added-until = , added { $year } or earlier
titles-added-month = , added { $months }
titles-added-month-from = , added { $month } or later
titles-added-month-until = , added { $month } or earlier
month-year = { $name } { $year }
month-span = { $from } to { $to }
year-said = { $years }
titles-relative = “{ $words }” is read as { $span }, by this catalogue's newest addition ({ $date }).
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
titles-there-are = There { $total ->
        [one] is
       *[other] are
    } { $what }.
titles-showing = Showing { $first }–{ $last } (page { $page } of { $pages }).
titles-list-showing = { $what }; showing { $first }–{ $last } (page { $page } of { $pages }).
titles-newest-first = Newest additions first.
titles-undated = { $count } of these have no date added in the data.
titles-origin-note = Origin is where a title was produced, not where it can be watched.

## /title

title-added-alone = { $service }, added { $date }
title-added-in-list = { $service } (added { $date })
title-service-alone = { $service }
title-services = { $list }
title-on = { $title } is on { $listing }.
title-not-on = { $title } is not on { $asked }; it is on { $listing }.
title-also-on = Also on { $others }.
title-not-found = "{ $name }" is not in these catalogues ({ $catalogues }).
title-closest-names = Closest names: { $list }.
title-closest-match = Closest match for "{ $name }": { $found }.
title-others-same = Other titles with this name: { $list }.
title-others-close = Other titles with a close name: { $list }.
title-in-place-available = { $title } is on { $service }, which is available in { $place }.
title-in-place-available-elsewhere = { $title } is on { $service }, which is available in { $place }: the data records no restriction there.
title-not-on-short = { $title } is not on { $asked }.
title-in-place-unavailable = { $title } is on { $service }, but { $service } is not available in { $place }.
title-in-place-suspended-since = { $title } is on { $service }, but { $service } suspended its service in { $place } on { $since }.
title-in-place-suspended = { $title } is on { $service }, but { $service } has suspended its service in { $place }.
title-in-place-unknown = { $title } is on { $service }, but I don't know whether { $service } is available in { $place }: no source I have says.
title-in-place-each = In { $place }: { $list }.
title-in-place-each-available = { $service } is available
title-in-place-each-unavailable = { $service } is not available
title-in-place-each-suspended-since = { $service } suspended its service on { $since }
title-in-place-each-suspended = { $service } has suspended its service
title-in-place-each-unknown = whether { $service } is available is not known
title-in-place-caveat = The datasets do not say which titles each country's catalogue carries, so { $services } in { $place } may not have it.
title-in-place-one-available = Of the services I cover, only { $list } is available in { $place }.
title-in-place-others-available = Of the services I cover, { $list } are available in { $place }.
title-in-place-none-available = None of the services I cover is known to be available in { $place }.
title-in-place-why-below = The sourced reasons are below.
titles-watch-caveat = Only titles on services available in { $place } ({ $services }); the datasets do not say which titles each country's catalogue carries.
titles-watch-service-not-there = { $service } is not known to be available in { $place }, so none of its titles are listed.

## free text and /ask

search-what-in-documents = What should I look for in the documents? e.g. "what does the essay say about censorship?"
search-nothing = Nothing in the documents or titles matches "{ $query }". Try /why-not <place>, /titles origin:<country> or /title <name>.
search-documents = { $passages } { $passages ->
        [one] passage
       *[other] passages
    } of the documents { $passages ->
        [one] matches
       *[other] match
    } "{ $query }".
search-both = { $passages } { $passages ->
        [one] passage
       *[other] passages
    } and { $titles } { $titles ->
        [one] title
       *[other] titles
    } match "{ $query }".

## /map

map-no-facts = I have no sourced availability facts for { $service }, so I cannot map it.
map-no-figures = I have no per-country figures for { $service }: the only figures are Netflix's (December 2021), read from netflix_subscription_fee_dec2021.csv when a data folder holds it.
map-figure-library = library size
map-figure-price = monthly Standard price in US dollars
map-figure = { $service } { $figure } in { $count } places.
map-figure-dated = { $service } { $figure } in { $count } places, { $when }.
map-where = Where { $service } is available, by the sourced facts.
map-where-newest = Where { $service } is available, by the sourced facts (newest fact: { $date }).

## Usage errors (commands as typed)

usage-ask-me = Ask me something.
usage-empty-command = Type a command after the slash.
usage-no-command = There is no /{ $name } command. Try /why-not, /titles, /new, /title or /help.
usage-no-option = /{ $command } has no option `{ $key }`; did you mean `{ $close }:`? Its options are { $options }.
usage-given-twice = `{ $key }` is given twice.
usage-needs-value = `{ $key }:` needs a value.
usage-unknown-service = Unknown service `{ $value }`: use netflix, prime, disney or hulu.
usage-bad-years = `{ $value }` is not a year or a range of years (write 2019 or 2010-2020).
usage-bad-added = `{ $value }` is not a year, a month or a range of them (write 2021, 2021-09, 2019-2021 or 2019..).
usage-unknown-sort = Unknown sort `{ $value }`: use relevance, year, title or added.
usage-unknown-type = Unknown type `{ $value }`: use movie or tv.
usage-bad-page = `page:{ $value }` must be a number from 1.
usage-unknown-figure = Unknown figure `{ $value }`: use library or price.
usage-map-words = /map takes a service and a figure, e.g. /map disney or /map netflix library; `{ $word }` is neither.
usage-ask-needs-question = /ask needs a question.
usage-title-needs-name = /title needs a name, e.g. /title Breaking Bad
usage-country-once = Give the country once: /new netflix kr or /new origin:kr
usage-place-once = Give the place once: /why-not china or /why-not place:china
usage-why-not-needs-place = /why-not needs a place, e.g. /why-not china

## /help

help-text =
    /why-not <place> [service]   why a service (default Netflix) is or is not available somewhere
                                 e.g. /why-not china · /why-not russia netflix · /why-not 中国
    /titles [options]            titles from the datasets, 10 a page, with exact totals
        origin:<country>  type:movie|tv  service:netflix|prime|disney|hulu  genre:<genre>
        year:2019 or year:2010-2020  added:2021  director:<name>  cast:<name>  query:<words>
        sort:relevance|year|title|added  place:<where you watch>  page:<n>
                                 e.g. /titles origin:cn type:movie · /titles director:"Bong Joon Ho"
    /new [service] [origin] [type]   the newest additions first, e.g. /new hulu · /new netflix kr tv
    /title <name> [service] [place:<place>]   one title's card and where to watch it; small typos
                                 are fine; with a place, whether it can be watched there and why not
    /map [service] [figure]      a world map of where a service is available, e.g. /map disney;
                                 figure:library|price shades Netflix's per-country figures (Dec 2021)
    /top [type] [by] [year] [globally] [order] [place]   what Netflix says was watched most
                                 (Jan–Jun 2025), or where Netflix costs least or most or has the
                                 biggest library (Dec 2021), e.g. /top type:tv ·
                                 /top by:price_standard order:lowest · /top by:price_basic place:US,India
    /settings [region:<place>] [services:<list>] [language:auto|en|zh]   remember where you
                                 watch and what you have: titles then answer for your region, and
                                 service:mine (or "on my services") lists only yours; /settings
                                 forget deletes it all
    /help                        this text
    Anything else is free text, in English or Chinese: "why can't I watch Netflix in Russia?",
    "Korean movies on Prime Video", "where can I watch Okja?", "what's new on Hulu",
    "how many Japanese movies are on Netflix", "films directed by Bong Joon Ho", "韩国电影",
    "Netflix最新的韩剧", "为什么中国不能看Netflix", "流浪地球在哪里看", "most watched shows on
    Netflix", "cheapest country for Netflix", "网飞上最受欢迎的剧".

# /settings: what the bot remembers about the asker.
settings-usage = Write /settings with options: region:<place> services:<list> language:auto|en|zh, or /settings forget to delete everything stored about you.
settings-forget-alone = /settings forget deletes your settings; ask it on its own, then save new ones.
settings-bad-language = "{ $value }" is not a language I answer in: auto, en, zh or zh-TW.
settings-server-outside = A server's default region is set in that server, by its moderators.
settings-server-refused = Only members who can manage this server can set or clear its default region.
settings-unavailable = Settings are unavailable right now; every other answer still works. Try again in a little while.
settings-unavailable-note = (Your saved settings are unavailable right now, so this answer does not use them.)
settings-forgot = Deleted everything stored about you: your region, services and language.
settings-nothing-to-forget = Nothing was stored about you.
settings-server-forgot = Cleared this server's default region.
settings-server-nothing = This server had no default region.
settings-saved = Saved.
settings-none = Nothing is stored about you. Tell me once where you watch and what you have — /settings region:HK services:netflix,disney — and questions like "where can I watch Squid Game?" answer for you.
settings-not-set = not set
settings-language-auto = automatic (your Discord language, or the question's)
settings-language-en = English
settings-language-zh = Simplified Chinese
settings-language-zh-tw = Traditional Chinese
settings-yours =
    Your region: { $region }
    Your services: { $services }
    Language: { $language }
settings-server-region = This server's default region: { $place } (your own region comes first).
settings-how = Change them with /settings region: services: language:, or delete them all with /settings forget. Only your user id and these settings are stored.
title-in-place-your-region = (Answered for { $place }, your saved region; name a place in the question to ask about another.)
title-in-place-server-region = (Answered for { $place }, this server's default region; /settings region: sets your own.)
title-in-place-flag-region = (Answered for { $place }, the region given with --region.)
titles-mine-none = You have not told me your services yet: /settings services:netflix,disney (any of netflix, prime, disney, hulu), then ask again.
titles-on-yours = on your services ({ $services })
# A streaming service the bot does not cover.
uncovered-name = { $name } ({ $chinese })
uncovered-service = I cover { $covered }; { $service } is not one of them, so I have no facts on where it is available.
uncovered-documents = The documents I have do mention { $service }:
# How old the catalogue is, with every answer about what is new or when titles were added.
titles-newest-first-as-of = Newest additions first (this catalogue's latest: { $date }).
titles-data-as-of = This catalogue runs to { $date }.
# Words of a question that emptied the list, left out of it.
titles-ignored = I did not use: { $words }.

## Rankings (/top)
period-same-year = { $from }–{ $to } { $year }
rank-value-price = ${ $price } a month
rank-value-views = { $value } views
rank-value-hours = { $value } hours
rank-value-library = { $value } titles
rank-by-views = views
rank-by-hours = hours viewed
rank-by-library = library size
rank-by-price_basic = the Basic plan's price
rank-by-price_standard = the Standard plan's price
rank-by-price_premium = the Premium plan's price
rank-what-watched-any = Most watched on Netflix, { $when }, by { $by }: { $first }–{ $last } of { $total }.
rank-what-watched-movie = Most watched films on Netflix, { $when }, by { $by }: { $first }–{ $last } of { $total }.
rank-what-watched-tv = Most watched shows on Netflix, { $when }, by { $by }: { $first }–{ $last } of { $total }.
rank-what-library-biggest = Biggest Netflix libraries, { $when }: { $first }–{ $last } of { $total } countries.
rank-what-library-smallest = Smallest Netflix libraries, { $when }: { $first }–{ $last } of { $total } countries.
rank-what-price-highest = Most expensive Netflix { $plan } plan, { $when }, monthly price in US dollars: { $first }–{ $last } of { $total } countries.
rank-what-price-lowest = Cheapest Netflix { $plan } plan, { $when }, monthly price in US dollars: { $first }–{ $last } of { $total } countries.
rank-what-place-prices = Netflix in { $place }, { $when }: monthly prices in US dollars, and the library size.
rank-what-places-prices = Netflix in the { $total } countries asked about, { $when }: monthly prices in US dollars, the most expensive { $plan } plan first.
rank-what-place-library = Netflix's library in { $place }, { $when }, with its monthly prices in US dollars.
rank-what-places-library = Netflix's library in the { $total } countries asked about, { $when }, biggest first, with monthly prices in US dollars.
rank-filters = Only titles{ $filters }.
rank-globally = , available in every country
rank-not-globally = , not available in every country
rank-kind-movie = film
rank-kind-tv = show
rank-row-not-globally = not available in every country
rank-row-details = { " " }({ $details })
rank-row = { $rank }. { $name }{ $details } — { $figures }
rank-footer = Figures: { $when } · Sources: { $sources }
rank-cannot-service = Netflix's engagement report is the only popularity data I have, so I cannot say what is popular on { $service }.
rank-cannot-service-figures = The prices and library sizes I have are Netflix's; I have none for { $service }.
rank-cannot-origin = Netflix's engagement report does not say where titles were made, so I cannot rank titles from { $origin }.
rank-cannot-genre = Netflix's engagement report does not give genres, so I cannot rank { $genre } titles.
rank-cannot-place = Netflix's engagement report counts views worldwide, not per country, so I cannot say what is popular in { $place }.
rank-not-rated = The catalogues carry age ratings (such as TV-MA or PG-13), not review scores, so I cannot rank titles by how good they are; this is what Netflix says was watched most.
rank-not-rated-alone = The catalogues carry age ratings (such as TV-MA or PG-13), not review scores, so I cannot rank titles by how good they are.
rank-try-both = Try { $command } for what Netflix says was watched most, or { $titles } for the list, unranked.
rank-try = Try { $command }.
rank-unknown-places = I don't know { $places } as a place.
rank-past-end = That page is past the end: there are { $pages } pages.
rank-no-figures = No Netflix prices or library sizes are loaded; the README says how to load them.
rank-no-report = No popularity figures are loaded: load Netflix's engagement report (the README says how).
usage-bad-top = `{ $key }:{ $value }` is not something /top understands (by: views, hours, library, price_basic, price_standard or price_premium; globally: yes or no; order: highest or lowest).

## /similar
similar-found = Titles like { $title }, by shared genres, origin, people and description words: { $count } shown.
similar-on = Only those on { $service }.
similar-none = Nothing in these catalogues shares enough with { $title } to call it alike.
similar-not-found = "{ $name }" is not in these catalogues, so I cannot say what is like it.
usage-similar-needs-title = /similar needs a title, e.g. /similar Parasite
