"""Word lists for reading addressee blocks: offices, organisations, streets.

Data, not logic. Lower-case; multi-word entries are matched as phrases.
"""

from __future__ import annotations

# Heads of offices. A title is one of these, optionally preceded by modifiers.
TITLE_WORDS = frozenset(
    """
president premier minister director governor ambassador secretary chairman chairwoman chairperson
chair prosecutor procurator commissioner head chief mayor king queen emir sultan prince monarch
judge justice attorney speaker commander commandant superintendent warden inspector officer
rapporteur representative envoy consul chancellor leader deputy vice counsellor counselor
advisor adviser spokesperson ombudsman ombudsperson registrar senator congressman congresswoman
mp governor-general secretary-general procurator-general prosecutor-general attorney-general
director-general taoiseach premier vice-president vice-premier vice-minister undersecretary
président président·e présidente ministre directeur directrice gouverneur ambassadeur ambassadrice
procureur procureure secrétaire chef préfet juge administrateur administratrice commissaire
médiateur médiatrice administrador administradora
governador governadora procurador-geral procuradora-geral secretário secretária ministra
presidente ministro ministra director directora gobernador gobernadora embajador embajadora
fiscal procurador procuradora secretario secretaria jefe juez jueza alcalde alcaldesa
präsident präsidentin ministerin botschafter
""".split()
)

# Words that can stand before a title word: "Foreign Minister", "Prime Minister".
TITLE_MODIFIERS = frozenset(
    """
prime foreign interior home deputy vice acting chief general attorney supreme first second
federal state provincial regional national executive permanent special high lord lady senior
assistant principal managing district public crown
premier première primer
""".split()
)

# Organisation heads: a phrase with one of these names a body, not a person.
ORG_WORDS = frozenset(
    """
office ministry department bureau embassy consulate committee council commission court tribunal
government administration agency authority authorities service services police procuratorate
prosecutor's parliament assembly senate congress cabinet secretariat mission delegation
directorate division unit centre center prison jail penitentiary camp institute institution
university school hospital party army navy command headquarters presidency
chancellery unhcr ohchr union federation organisation organization
association foundation society corporation company bank board guard force forces coalition
network centre center institute league alliance
ministère ministere ambassade bureau tribunal cour gouvernement préfecture prefecture direction
agence commission comité comite conseil fondation association organisation mouvement réseau reseau
collectif syndicat institut présidence presidence gendarmerie
ministerio embajada secretaría secretaria oficina gobierno fiscalía fiscalia procuraduría
procuraduria defensoría defensoria tribunal corte presidencia policía policia agencia comisión
comision comité consejo fundación fundacion asociación asociacion organización organizacion
movimiento colectivo sindicato instituto centro coordinadora federación federacion
jefatura dirección direccion ejército ejercito
ministerium botschaft regierung
ministério procuradoria procuradoria-geral governo polícia cadeia comando embaixada secretaria
presidência assembleia provedoria parquet
""".split()
)

# Romanised Chinese office titles, as Amnesty writes them after a name
# ("ZHANG Wei Shengzhang"); the English office they stand for.
PINYIN_TITLES = {
    "guojia zhuxi": "President",
    "zhuxi": "President",
    "zongli": "Premier",
    "guojia zongli": "Premier",
    "buzhang": "Minister",
    "shengzhang": "Governor",
    "tingzhang": "Director",
    "juzhang": "Director",
    "shizhang": "Mayor",
    "zhuren": "Director",
    "shuji": "Secretary",
    "yuanzhang": "President",
    "jianchazhang": "Chief Procurator",
    "suozhang": "Director",
    "xianzhang": "County Head",
    "zhou zhang": "Prefect",
    "zhouzhang": "Prefect",
    "duzhang": "Director",
    "fuzhuxi": "Vice-President",
    "fuzongli": "Vice-Premier",
    "dangwei shuji": "Party Secretary",
}
PINYIN_WORDS = frozenset(w for k in PINYIN_TITLES for w in k.split())

# The start of a street address.
STREET_WORDS = frozenset(
    """
street st road rd avenue ave av avenida boulevard blvd lane way drive place square plaza
lu jie dajie hutong xiang dao ro gil daero calle carrera jirón jiron rue chemin allée allee
strasse straße str platz weg ulitsa prospekt building bldg floor suite box p.o. po apartado
casilla piso colonia col. sector district quarter compound
""".split()
)

# Words that never belong to a person's name.
NOT_NAME = frozenset(
    """
the of and for to in on at by with from a an this that these those please dear re cc fax tel
email e-mail telephone phone salutation copies copy appeals send write your our their
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday excellency
republic people's peoples democratic federal islamic kingdom state states united province
city county district
""".split()
)

# Chinese and Korean offices: an organisation ends with one of these, a title is one of these.
CJK_ORG_SUFFIXES = (
    "委员会",
    "办公厅",
    "办公室",
    "公安局",
    "公安厅",
    "检察院",
    "法院",
    "政府",
    "看守所",
    "监狱",
    "部",
    "局",
    "厅",
    "院",
    "署",
    "处",
    "委",
    "会",
    "部처",
    "위원회",
    "법원",
    "검찰청",
    "대사관",
    "경찰청",
    "청",
    "부",
    "처",
    "원",
)
CJK_TITLES = (
    "总书记",
    "国家主席",
    "主席",
    "总理",
    "部长",
    "副部长",
    "局长",
    "厅长",
    "省长",
    "市长",
    "检察长",
    "院长",
    "主任",
    "书记",
    "所长",
    "大使",
    "委员长",
    "대통령",
    "총리",
    "장관",
    "청장",
    "위원장",
    "검찰총장",
    "대사",
    "원장",
)
