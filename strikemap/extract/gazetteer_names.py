"""Name tables of the gazetteer that no data file holds: oblasts, city choices, blocked phrases.

Kept as aligned tables (formatter off) so that adding a name is a one-line change.
"""

from __future__ import annotations

from typing import NamedTuple


class Oblast(NamedTuple):
    centre: str
    """The oblast centre as the press spells it (a value of CITY_SPELLINGS or a GeoNames name)."""
    name: str
    """English name used with "region": the centre's, unless the oblast is named otherwise."""
    bases: str
    """Spellings combined with region, oblast, province, regional."""
    adjectives: str
    """Adjectival forms combined with oblast (Latin) or область (Cyrillic)."""
    standalone: str = ""
    """Names that mean the oblast on their own."""


# fmt: off
BLOCKED: tuple[str, ...] = (
    "Dnipro river", "river Dnipro", "the Dnipro", "Dnieper river", "river Dnieper",
    "the Dnieper", "Dnipro reservoir", "Desna river", "river Desna", "the Desna",
    "річка Дніпро", "річка Десна", "река Днепр", "река Десна",
    "Lesia Ukrainka", "Lesya Ukrainka", "Lesi Ukrainky", "Lesi Ukrainki", "Леся Українка",
    "Лесі Українки", "Леся Украинка", "Леси Украинки",
)
"""Phrases that contain a place name but mean something else (a river; the poet whose name
Kyiv's Lesi Ukrainky Boulevard bears): they match, and resolve to nothing."""

KYIV_NOT_PLACES: tuple[str, ...] = (
    "Kyiv time", "Kiev time", "Kyiv regiment", "Kiev regiment", "Kyiv brigade", "Kiev brigade",
    "Kyiv battalion", "Kiev battalion", "Dynamo Kyiv", "Dynamo Kiev", "за київським часом",
    "по киевскому времени",
)
"""'3 a.m. Kyiv time', 'the Kyiv regiment', a football club: Kyiv named, no place meant. Speakers'
titles ('Kyiv Oblast Governor', 'the Kyiv City Military Administration') are not blocked: they tell
which city or region an article is about, and only the strike sentence should ignore them."""

DISTRICT_WORDS: tuple[str, ...] = ("district", "raion", "rayon")
"""Words that follow a district's name; a name that is a district only before one of them
("Podolsk district", "Holosiiv city district") needs one."""
DISTRICT_NOUNS: dict[str, str] = {
    "Darnytskyi": "Darnytsia|Darnitsa",
    "Desnianskyi": "Desna",
    "Dniprovskyi": "Dnipro|Dnepr|Dnieper",
    "Holosiivskyi": "Holosiiv|Holosiievo",
    "Obolonskyi": "Obolon",
    "Pecherskyi": "Pechersk",
    "Podilskyi": "Podil",
    "Shevchenkivskyi": "Shevchenko",
    "Solomianskyi": "Solomianka",
    "Sviatoshynskyi": "Sviatoshyn|Sviatoshyno",
}
"""The nouns a district is named from, in one spelling each: the others (Darnitsa, Goloseevo,
Podol, Svyatoshino) are read as the same skeleton (see strikemap.extract.gazetteer)."""
NAMESAKE_OWNERS: dict[str, frozenset[str]] = {
    "Shevchenkivskyi": frozenset({"Kharkiv", "Zaporizhzhia", "Lviv", "Dnipro", "Chernivtsi", "Poltava"}),
    "Dniprovskyi":     frozenset({"Zaporizhzhia", "Kherson", "Kamianske"}),
    "Desnianskyi":     frozenset({"Chernihiv"}),
    "Podilskyi":       frozenset({"Poltava"}),
}
"""Other cities with a district named like one of Kyiv's: in a story about them, the name is theirs."""

KYIV_ALIASES: tuple[str, ...] = (
    "Kyiv", "Kiev", "Kyiv city", "Kiev city", "City of Kyiv", "City of Kiev", "Kyjiw", "Kijev",
    "Київ", "місто Київ", "Киев", "город Киев",
)
KYIV_REGION_ALIASES: tuple[str, ...] = (
    "Kyiv region", "Kyiv oblast", "Kyiv province", "Kyiv regional", "Kiev region", "Kiev oblast",
    "Kiev province", "Kiev regional", "Kyivska oblast", "Kyivs'ka oblast",
    "Київська область", "Київщина", "Киевская область", "Киевщина",
    # The region's raions: a strike in one is the region's (its town, if named, is placed too).
    "Бучанський район", "Броварський район", "Бориспільський район", "Обухівський район",
    "Фастівський район", "Білоцерківський район", "Вишгородський район",
    "Бучанский район", "Броварской район", "Броварский район", "Бориспольский район", "Обуховский район",
    "Фастовский район", "Белоцерковский район", "Вышгородский район",
    "Bucha district", "Brovary district", "Boryspil district", "Obukhiv district", "Fastiv district",
    "Bila Tserkva district", "Vyshhorod district", "Buchanskyi district", "Brovarskyi district",
    "Boryspilskyi district", "Obukhivskyi district", "Fastivskyi district", "Bilotserkivskyi district",
    "Vyshhorodskyi district",
)

OBLASTS: tuple[Oblast, ...] = (
    Oblast("Cherkasy", "Cherkasy", "Cherkasy|Cherkassy", "Cherkaska|Черкаська|Черкасская",
           "Черкащина"),
    Oblast("Chernihiv", "Chernihiv", "Chernihiv|Chernigov",
           "Chernihivska|Чернігівська|Черниговская", "Чернігівщина|Черниговщина"),
    Oblast("Chernivtsi", "Chernivtsi", "Chernivtsi|Chernovtsy",
           "Chernivetska|Чернівецька|Черновицкая", "Bukovyna|Bukovina|Буковина"),
    Oblast("Dnipro", "Dnipropetrovsk", "Dnipropetrovsk|Dnipro|Dnepropetrovsk|Dnepr",
           "Dnipropetrovska|Дніпропетровська|Днепропетровская",
           "Дніпропетровщина|Днепропетровщина|Dnipropetrovshchyna"),
    Oblast("Donetsk", "Donetsk", "Donetsk", "Donetska|Донецька|Донецкая",
           "Донеччина|Донетчина|Donechchyna"),
    Oblast("Ivano-Frankivsk", "Ivano-Frankivsk", "Ivano-Frankivsk|Ivano-Frankovsk",
           "Ivano-Frankivska|Івано-Франківська|Ивано-Франковская",
           "Prykarpattia|Прикарпаття|Прикарпатье"),
    Oblast("Kharkiv", "Kharkiv", "Kharkiv|Kharkov", "Kharkivska|Харківська|Харьковская",
           "Харківщина|Харьковщина|Kharkivshchyna"),
    Oblast("Kherson", "Kherson", "Kherson", "Khersonska|Херсонська|Херсонская",
           "Херсонщина|Khersonshchyna"),
    Oblast("Khmelnytskyi", "Khmelnytskyi",
           "Khmelnytskyi|Khmelnytsky|Khmelnytskyy|Khmelnitsky|Khmelnitskiy|Khmelnytskiy",
           "Khmelnytska|Хмельницька|Хмельницкая", "Хмельниччина"),
    Oblast("Kropyvnytskyi", "Kirovohrad", "Kirovohrad|Kirovograd|Kropyvnytskyi",
           "Kirovohradska|Кіровоградська|Кировоградская", "Кіровоградщина"),
    Oblast("Luhansk", "Luhansk", "Luhansk|Lugansk", "Luhanska|Луганська|Луганская",
           "Луганщина|Luhanshchyna"),
    Oblast("Lviv", "Lviv", "Lviv|Lvov", "Lvivska|Львівська|Львовская", "Львівщина"),
    Oblast("Mykolaiv", "Mykolaiv", "Mykolaiv|Mykolayiv|Nikolaev|Nikolayev",
           "Mykolaivska|Миколаївська|Николаевская", "Миколаївщина"),
    Oblast("Odesa", "Odesa", "Odesa|Odessa", "Odeska|Одеська|Одесская", "Одещина"),
    Oblast("Poltava", "Poltava", "Poltava", "Poltavska|Полтавська|Полтавская", "Полтавщина"),
    Oblast("Rivne", "Rivne", "Rivne|Rovno", "Rivnenska|Рівненська|Ровенская", "Рівненщина"),
    Oblast("Sumy", "Sumy", "Sumy", "Sumska|Сумська|Сумская", "Сумщина|Sumshchyna"),
    Oblast("Ternopil", "Ternopil", "Ternopil|Ternopol",
           "Ternopilska|Тернопільська|Тернопольская", "Тернопільщина"),
    Oblast("Vinnytsia", "Vinnytsia", "Vinnytsia|Vinnytsya|Vinnitsa",
           "Vinnytska|Вінницька|Винницкая", "Вінниччина"),
    Oblast("Lutsk", "Volyn", "Volyn|Volhynia", "Volynska|Волинська|Волынская",
           "Volyn|Volhynia|Волинь"),
    Oblast("Uzhhorod", "Zakarpattia", "Zakarpattia|Zakarpattya|Transcarpathia|Transcarpathian",
           "Zakarpatska|Закарпатська|Закарпатская", "Transcarpathia|Закарпаття|Закарпатье"),
    Oblast("Zaporizhzhia", "Zaporizhzhia", "Zaporizhzhia|Zaporizhia|Zaporizhzhya|Zaporozhye",
           "Zaporizka|Запорізька|Запорожская"),
    Oblast("Zhytomyr", "Zhytomyr", "Zhytomyr|Zhitomir", "Zhytomyrska|Житомирська|Житомирская",
           "Житомирщина"),
)

OBLAST_CENTRES: tuple[str, ...] = (
    "Cherkasy", "Chernihiv", "Chernivtsi", "Dnipro", "Donetsk", "Ivano-Frankivsk", "Kharkiv",
    "Kherson", "Khmelnytskyi", "Kropyvnytskyi", "Luhansk", "Lviv", "Mykolayiv", "Odesa",
    "Poltava", "Rivne", "Sumy", "Ternopil", "Vinnytsya", "Lutsk", "Uzhhorod", "Zaporizhzhya",
    "Zhytomyr",
)
"""GeoNames names of the oblast centres."""

OTHER_CITIES: tuple[str, ...] = (
    "Simferopol", "Sevastopol", "Kerch", "Yevpatoriya", "Feodosiya", "Dzhankoy", "Kryvyy Rih",
    "Kamyanske", "Nikopol", "Marhanets", "Pavlohrad", "Synelnykove", "Kramatorsk", "Slovyansk",
    "Pokrovsk", "Kostyantynivka", "Bakhmut", "Druzhkivka", "Avdiyivka", "Toretsk", "Myrnohrad",
    "Lyman", "Horlivka", "Makiyivka", "Mariupol", "Siverskodonetsk", "Lysychansk", "Rubizhne",
    "Izyum", "Kupyansk", "Chuhuyiv", "Lozova", "Balakliya", "Vovchansk", "Bohodukhiv",
    "Melitopol", "Berdyansk", "Enerhodar", "Nova Kakhovka", "Kremenchuk", "Myrhorod", "Lubny",
    "Uman", "Smila", "Konotop", "Shostka", "Okhtyrka", "Romny", "Hlukhiv", "Nizhyn", "Pryluky",
    "Berdychiv", "Korosten", "Izmayil", "Bilhorod-Dnistrovskyi", "Chornomors’k", "Oleksandriya",
    "Svitlovodsk", "Starokostyantyniv", "Shepetivka", "Kamyanets-Podilskyi", "Kovel",
    "Drohobych", "Stryi", "Mukachevo", "Kalush", "Kolomyia", "Ladyzhyn", "Zhmerynka",
)
"""GeoNames names of other cities the news report strikes on."""

CITY_SPELLINGS: dict[str, str] = {
    "Mykolayiv": "Mykolaiv", "Vinnytsya": "Vinnytsia", "Zaporizhzhya": "Zaporizhzhia",
    "Yevpatoriya": "Yevpatoriia", "Feodosiya": "Feodosiia", "Dzhankoy": "Dzhankoi",
    "Kryvyy Rih": "Kryvyi Rih", "Kamyanske": "Kamianske", "Slovyansk": "Sloviansk",
    "Kostyantynivka": "Kostiantynivka", "Avdiyivka": "Avdiivka", "Makiyivka": "Makiivka",
    "Siverskodonetsk": "Sievierodonetsk", "Izyum": "Izium", "Kupyansk": "Kupiansk",
    "Chuhuyiv": "Chuhuiv", "Balakliya": "Balakliia", "Berdyansk": "Berdiansk",
    "Izmayil": "Izmail", "Chornomors’k": "Chornomorsk", "Oleksandriya": "Oleksandriia",
    "Starokostyantyniv": "Starokostiantyniv", "Kamyanets-Podilskyi": "Kamianets-Podilskyi",
    "Boyarka": "Boiarka", "Kotsyubynske": "Kotsiubynske", "Ukrayinka": "Ukrainka",
    "Sofiivska Borschahivka": "Sofiivska Borshchahivka", "Svyatopetrivske": "Sviatopetrivske",
    "Knyazhichi": "Kniazhychi",
}
"""GeoNames name -> the spelling the English press uses, where they differ."""

KYIV_REGION_SKIPPED: dict[str, str] = {
    "Sofiyivska Borschagivka": "a second GeoNames record of Sofiivska Borshchahivka",
    "Borova": "the news mean Borova in the Kharkiv region far more often",
}

FORMER_NAMES: dict[str, tuple[str, ...]] = {
    "Dnipro": ("Dnipropetrovsk", "Dnepropetrovsk", "Дніпропетровськ", "Днепропетровск"),
    "Kropyvnytskyi": ("Kirovohrad", "Kirovograd", "Кіровоград", "Кировоград"),
    "Bakhmut": ("Artemivsk", "Artemovsk", "Артемівськ", "Артемовск"),
    "Pokrovsk": ("Krasnoarmiisk", "Krasnoarmeysk", "Красноармійськ", "Красноармейск"),
    "Kamianske": ("Dniprodzerzhynsk", "Dneprodzerzhinsk", "Дніпродзержинськ"),
    "Chornomorsk": ("Illichivsk", "Ilyichevsk", "Іллічівськ", "Ильичёвск"),
    "Lyman": ("Krasnyi Lyman", "Krasny Liman", "Красний Лиман", "Красный Лиман"),
}
"""Names from before the 2016 renamings, still found in older articles."""

REJECTED: frozenset[str] = frozenset({
    "human", "luck", "sumo", "sumi", "liman", "loman", "alexandria", "smil", "kuman", "dimer",
    "ades", "stanislav", "ismail", "theodosia", "konstantinov", "konstantynow", "petrivske",
    "petrovskoe", "петровское", "петрівське", "лиман", "сміл", "куман", "константинов",
    "buca", "stria", "vinica", "kostjantiniv", "костянтинів", "александрия", "berkovets",
    "berkovec", "берковець",
})
"""GeoNames spellings (lower case, no apostrophes) that are English words, first names, other
places, or Kyiv neighbourhoods (Berkovets is given for Kotsiubynske)."""
# fmt: on
