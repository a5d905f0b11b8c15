"""Risks and ask kinds (spec taxonomies) recognised by their wording.

Each kind lists the phrases that evidence it in English, French and Spanish.
Every hit keeps its span, so a reviewer sees why a kind was given.
"""

from __future__ import annotations

import re

from urgent.extract.patterns import rx

RISK_RULES: dict[str, re.Pattern[str]] = {
    "refoulement": rx(
        r"\brefoul", r"\bforcibl[ey] (?:return|repatriat|deport|sent|send)", r"\bforced (?:return|repatriation|deportation)",
        r"\brepatriat", r"\bdeport", r"\bextradit", r"\bexpulsion\b", r"\bexpell?ed\b", r"\bsent back\b",
        r"\bsend (?:them |him |her )?back\b", r"\bforced? (?:them |him |her |\w+ )?back\b",
        r"\bexpuls", r"\brenvoi forc", r"\bretour forc", r"\bdevoluci[oó]n forzada",
        r"\babschiebung", r"遣返", r"驱逐", r"강제\s?송환", r"송환",
    ),
    "torture": rx(r"\btortur", r"\bill[- ]treat", r"\bbeaten\b", r"\bbeatings?\b", r"\bmauvais traitements",
                  r"\bmalos tratos", r"\bmisshandl", r"\bfolter", r"\bfrapp[ée]s?\b", r"\bgolpead", r"酷刑", r"虐待",
                  r"殴打", r"고문", r"폭행", r"구타"),
    "death_penalty": rx(
        r"\bdeath (?:penalty|sentences?|row)\b", r"\bsentenced to death\b", r"\bexecut(?:ion|ions|ed|e)\b",
        r"\bpunishable by death\b", r"\bcapital punishment\b", r"\b(?:and|or) (?:even )?death\b(?! (?:rate|toll|of|in)\b)",
        r"\bpeine de mort\b", r"\bcondamn[ée]s? à mort\b", r"\bpena de muerte\b", r"\bcondenad[oa]s? a muerte\b",
        r"\bejecuci[oó]n", r"\btodesstrafe", r"死刑", r"处决", r"사형",
    ),
    "arbitrary_detention": rx(
        r"\barbitrar(?:y|ily) (?:detention|detained|arrest|arrested|imprisonment|imprisoned)\b", r"\bincommunicado\b",
        r"\bwithout (?:charge|trial)\b", r"\bheld in secret\b", r"\bsecret detention\b", r"\bimprisonment\b", r"\bincarcerat", r"\bprison (?:camps?|terms?)\b",
        r"\blabou?r camps?\b", r"\badministrative detention\b", r"\bpolitical prison", r"\bprisoners? of conscience\b",
        r"\bd[ée]tention arbitraire\b", r"\bdetenci[oó]n arbitraria\b", r"\bwillk[üu]rlich",
        r"\bau secret\b", r"\bincomunicad", r"\btrumped[- ]up charges\b", r"\bheld solely\b",
        r"任意拘留", r"秘密关押", r"关押", r"羁押", r"불법\s?구금", r"구금",
    ),
    "enforced_disappearance": rx(
        r"\benforced(?:ly)? disappear", r"\bforcibly disappeared\b", r"\bdisappear(?:ed|ance|ances)\b",
        r"\bwhereabouts (?:are |is |remain |remains )?(?:now |still )?(?:unknown|undisclosed)\b",
        r"\bdisparition forc[ée]e\b", r"\bdesaparici[oó]n forzada\b", r"\bverschwindenlassen",
        r"\b(?:held|detained|taken) (?:at|to) an unknown location\b", r"\babducted\b",
        r"\brefus\w* de (?:dire|r[ée]v[ée]ler) o[ùu]", r"强迫失踪", r"地点不明", r"下落不明", r"강제\s?실종",
    ),
    "forced_labour": rx(r"\bforced lab(?:ou?r)", r"\bhard labou?r\b", r"\blabou?r camps?\b", r"\bre-?education through labou?r\b",
                        r"\btravail forc[ée]\b", r"\btrabajos? forzados?\b", r"\bzwangsarbeit", r"强迫劳动", r"劳教",
                        r"강제\s?노동"),
    "sexual_violence": rx(r"\bsexual (?:violence|assault|abuse|slavery)\b", r"\brape[sd]?\b", r"\bsexually (?:abused|assaulted)\b",
                          r"\bviolences? sexuelles?\b", r"\bviol\b", r"\bviolencia sexual\b", r"\bviolaci[oó]n\b",
                          r"性暴力", r"强奸", r"성폭력", r"성폭행"),
    "health": rx(
        r"\bmedical\b", r"\bhospital", r"\bhealth\b", r"\binjur(?:y|ies|ed)\b", r"\bsick\b", r"\billness\b", r"\bdisease\b",
        r"\bmedication\b", r"\bfor treatment\b", r"\bsoins m[ée]dicaux\b", r"\bsant[ée]\b", r"\batenci[oó]n m[ée]dica\b",
        r"\bsalud\b", r"\bmedizinisch", r"\bdiabet", r"\binsulin\b", r"\bmental (?:illness|health)\b",
        r"医疗", r"疾病", r"治疗", r"치료", r"부상", r"골절", r"질병",
    ),
    "unfair_trial": rx(
        r"\bunfair(?:ly)? tri", r"\bgrossly unfair\b", r"\bshow trial\b", r"\bforced confession", r"\bconfessions? (?:extracted|obtained) under",
        r"\b(?:closed|secret|summary) trial\b", r"\bwithout (?:access to )?(?:a |his |her |their )?lawyer\b",
        r"\brevolutionary court\b", r"\bmilitary court\b", r"\bprocès inéquitable\b", r"\bjuicio injusto\b",
        r"\btrial\b[^.]{0,30}\bunfair\b", r"\b(?:no|without|denied) access to (?:a |his |her |their )?lawyers?\b",
        r"\bno lawyer\b", r"\bconfessions?\W{0,2}\s+(?:had been |was |were )?(?:obtained|extracted|made) under (?:duress|torture)",
        r"\bforced to (?:\W?confess|sign)", r"\b(?:beat|tortur)\w*[^.]{0,80}\bconfession",
        r"\b(?:statements?|confessions?|evidence)\W{0,2}\s+(?:\w+\s+){0,3}(?:obtained|extracted) under (?:duress|torture)",
        r"\bquestioned without a lawyer\b", r"\bnot allow(?:ed)? the defen[cs]e\b", r"\bfair trial\b",
    ),
    "harassment": rx(
        r"\bharass", r"\bintimidat", r"\breprisals?\b", r"\b(?:issuing|issued|received|receiving|death) threats\b",
        r"\bthreats (?:to|against)\b", r"\bthreatened (?:to kill|with death)\b", r"\bsurveillance\b",
        r"\bhostigamiento\b", r"\bamenazas\b", r"\bharc[eè]lement\b", r"\bmenaces\b",
        r"\bwarn(?:ed|ing) (?:her|him|them) (?:to stop|not to)\b", r"\bsummoned for questioning\b",
        r"骚扰", r"恐吓", r"威胁", r"위협", r"협박",
    ),
}

ASK_RULES: dict[str, re.Pattern[str]] = {
    "halt_return": rx(
        r"\bnon-?refoulement\b", r"\b(?:stop|halt|suspend|cancel|prevent|end|cease)\w* (?:the |any |all |his |her |their |immediately )*"
        r"(?:forced |forcible |planned |imminent )*(?:return|repatriation|deportation|extradition|expulsion|removal|refoulement)",
        r"\bnot (?:to )?(?:forcibly )?(?:return|deport|extradite|expel|repatriate|send)\b",
        r"\bnot (?:be )?(?:forcibly )?(?:returned|deported|extradited|expelled|repatriated|sent back)\b",
        r"\bnone of (?:them|the \w+) will be (?:returned|deported|sent back)", r"\bunder no circumstances (?:force|send|return)",
        r"\brefrain from (?:deporting|returning|extraditing|expelling)", r"\bno (?:forcible )?return\b",
        r"\bne pas (?:renvoyer|expulser|extrader)", r"\bno (?:devolver|deportar|extraditar)", r"\bdetener la (?:deportaci[oó]n|devoluci[oó]n)",
        r"停止遣返", r"不(?:要|得)?遣返", r"강제\s?송환.{0,10}(?:중단|중지)",
    ),
    "halt_execution": rx(
        r"\b(?:halt|stop|prevent|suspend|cancel)\w* (?:the |any |all |his |her |their )*(?:planned |imminent |scheduled )*executions?\b",
        r"\bcommut", r"\bquash\w* (?:the |his |her |their )*(?:death )?sentences?\b",
        r"\bnot (?:be )?executed\b", r"\bdeath sentences? (?:is |are |be )?(?:commuted|overturned|quashed)",
        r"\bstay of execution\b", r"\bclemency\b", r"\bcommuer\b", r"\bconmut", r"停止(?:执行)?死刑", r"사형.{0,10}(?:중단|감형)",
    ),
    "refugee_protection": rx(
        r"\brefugee status\b", r"\basylum\b", r"\bthird country\b", r"\bresettle", r"\bprotect(?:ing|ion of)? (?:the )?refugees\b",
        r"\binternational protection\b", r"\bstatut de r[ée]fugi[ée]", r"\basile\b", r"\basilo\b", r"\bcondici[oó]n de refugiad",
        r"难民", r"庇护", r"난민", r"망명",
    ),
    "monitor_access": rx(
        r"\b(?:access|visit|allow|permit|let|grant)\w*\b[^.;]{0,80}\b(?:UNHCR|monitors?|observers?|consul(?:ar|s|ate|ates)?|diplomats?|Red Cross|ICRC|"
        r"Special Rapporteur|UN (?:experts?|bodies|agency)|Refugee Agency)\b",
        r"\b(?:UNHCR|monitors?|observers?|consul(?:ar|s|ate|ates)?|ICRC|Red Cross|Refugee Agency)\b[^.;]{0,60}\b(?:access|visit|mandate)\b",
        r"\bacc[eè]s (?:au|du|aux) (?:HCR|observateurs|consul)", r"\bacceso (?:al|a los) (?:ACNUR|observadores|c[oó]nsul)",
        r"联合国难民署", r"유엔난민기구",
    ),
    # protection asked for, not torture reported: "protected from torture", "not be ill-treated"
    "protect_from_torture": rx(
        r"\b(?:protect|safeguard|shield)\w*\b[^.;]{0,40}\b(?:tortur|ill[- ]treat|abuse)",
        r"\bfrom (?:further |any )?(?:torture|ill[- ]treatment)", r"\bnot (?:be )?(?:subjected to )?(?:tortur|ill[- ]treat|beaten|abused|harmed)",
        r"\bensure\w*\b[^.;]{0,140}\b(?<!under )(?:tortur|ill[- ]treat)", r"\bhumane(?:ly)? treat", r"\bsafety and (?:well-?being)",
        r"\bphysical and (?:psychological|mental) integrity", r"\bmauvais traitements\b", r"\bmalos tratos\b",
        r"\bno (?:sea |será )?(?:torturad|maltratad)", r"\bne (?:soit|soient) pas (?:soumis à la )?tortur",
        r"免受酷刑", r"免遭酷刑", r"고문.{0,10}(?:받지|않도록)",
    ),
    "legal_access": rx(r"\blawyers?\b", r"\blegal (?:counsel|representation|assistance|advice|aid)\b", r"\battorneys? of\b",
                       r"\bavocat", r"\babogad", r"律师", r"변호사"),
    "medical_care": rx(r"\bmedical\b", r"\bmedication\b", r"\bhealth ?care\b", r"\bhospital", r"\bdoctors?\b", r"\bsoins\b",
                       r"\batenci[oó]n m[ée]dica\b", r"\bm[ée]dic", r"医疗", r"治疗", r"就医", r"치료", r"의료"),
    "family_access": rx(r"\bfamil(?:y|ies)\b[^.;]{0,40}\b(?:access|contact|visit)", r"\b(?:access|contact|visit)\w*\b[^.;]{0,40}\b(?:famil(?:y|ies)|relatives)\b",
                        r"\bfamille", r"\bfamilia", r"家属.{0,6}(?:会见|探视|联系)", r"가족.{0,6}(?:면회|접견)"),
    "disclose_whereabouts": rx(r"\bwhereabouts\b", r"\blegal status\b", r"\bdisclose\w*\b[^.;]{0,40}\bwhere\b", r"\b(?:reveal|disclose|clarify|inform)\w*\b[^.;]{0,60}\b(?:charges|location|fate)\b",
                               r"\bparadero\b", r"\blieu de d[ée]tention\b", r"\bsort\b(?= et)"),
    "release": rx(r"(?<!pending his )(?<!pending her )(?<!pending their )\breleas", r"\bfree (?:him|her|them|all)\b",
                  r"\bset (?:him|her|them) free\b", r"\blib[ée]r", r"\blibert", r"(?<!获)释放", r"석방"),
    "fair_trial": rx(r"\bfair trial", r"\bretrial\b", r"\bre-?trial\b", r"\bdue process\b", r"\bquash\w* (?:the |his |her |their )*(?:conviction|verdict)",
                     r"\bfair trial standards\b", r"\bproc[eè]s [ée]quitable\b", r"\bjuicio justo\b",
                     r"\bnot (?:be )?used as evidence\b", r"\bexclud\w* (?:as|from) evidence\b", r"\binadmissible\b",
                     r"公正审判", r"공정한\s?재판"),
    "investigate": rx(r"\binvestigat", r"\bhold (?:those |the )?\w* ?(?:responsible|accountable)\b", r"\bhel?d accountable\b",
                      r"\bbring (?:those|the perpetrators|them)\b[^.;]{0,30}\bto justice\b", r"\bprosecute\b", r"\benqu[eê]te",
                      r"\binvestig", r"调查", r"조사", r"처벌"),
    "stop_harassment": rx(r"\bharass", r"\bintimidat", r"\bthreat", r"\breprisal", r"\bsurveillance\b", r"\bstop all operations\b",
                          r"\bhostigamiento\b", r"\bharc[eè]lement\b", r"\bgarantizar la seguridad\b", r"\bgarantir la s[ée]curit[ée]\b",
                          r"\bamenaza", r"\bmenace", r"骚扰", r"恐吓", r"위협"),
    "assurances": rx(r"\bassurances?\b", r"\bguarantees? (?:that|of|about|regarding)\b", r"\bgaranties\b", r"\bgarant[ií]as\b",
                     r"\bpublicly guarantee\b"),
    "legal_reform": rx(r"\bratif", r"\bamend", r"\brepeal", r"\breform", r"\babolish", r"\babolition\b",
                       r"\bmoratorium\b", r"\badapt (?:its |their )?polic", r"\binto line with\b",
                       r"\bchange (?:the |its |their )?(?:law|laws|policy|policies)\b", r"\bdecriminali[sz]", r"\baccede to\b",
                       r"\babrog", r"\bderog", r"\bend the use of\b", r"修改", r"废除", r"비준", r"개정"),
}


def kinds_with_spans(rules: dict[str, re.Pattern[str]], text: str, start: int = 0,
                     end: int | None = None) -> list[tuple[str, int, int]]:
    """Each kind whose wording occurs in text[start:end], with its first hit, in text order."""
    end = len(text) if end is None else end
    hits = []
    for kind, pattern in rules.items():
        m = pattern.search(text, start, end)
        if m:
            hits.append((m.start(), kind, m.end()))
    return [(k, s, e) for s, k, e in sorted(hits)]
