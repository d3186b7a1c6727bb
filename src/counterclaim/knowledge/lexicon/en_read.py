"""English: the words of page furniture (read/).  Part of :mod:`.en`."""

from __future__ import annotations

from .groups import FurnitureWords

FURNITURE = FurnitureWords(
    photo_agencies=(
        r"Getty Images|Getty|EPA-EFE|EPA|Shutterstock|Alamy|ZUMA Press|ZUMA Wire|ZUMA|Sipa Press|Sipa|"
        r"Pool|NurPhoto|Abaca|Imago|picture[- ]alliance|SOPA Images|LightRocket|Polaris|Redux|Corbis|"
        r"Handout|Planet Pix"
    ),
    photo_words=r"photo|photos|picture|pictures|image|images|photograph|file photo|handout",
    credit_labels=r"photo|image|picture|photograph",
    credit="credit",
    credit_by=r"by|via|courtesy(?:\s+of)?",
    credit_by_paren=r"by|via|from|courtesy(?:\s+of)?",
    credit_alone=r"photo|file\s+photo|handout(?:\s+photo)?",
    name_joiners=r"of|de|al|el|for|via|and",
    agency_credit_suffixes=r"photo|photos|images|pool|file|handout",
    agency_credit_joins=r"via|for",
    wire_photo=r"photo|images",
    comments_heading=(
        r"\d[\d,]*\s+comments?|comments?(?:\s*\(\d[\d,]*\))?|leave\s+a\s+(?:comment|reply)|"
        r"add\s+(?:a|your)\s+comment|post\s+a\s+comment|show\s+(?:all\s+)?comments|"
        r"view\s+(?:all\s+)?comments|reader\s+comments|join\s+the\s+(?:conversation|discussion)"
    ),
    share_buttons=(
        r"share(?:\s+this(?:\s+(?:article|story|page|post))?)?(?:\s+(?:on|via)\s+\w+)?|tweet|print|"
        r"email|e-mail|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|vkontakte|viber|"
        r"copy\s+link|flipboard"
    ),
    follow=r"(?:follow|like)\s+(?:us|@?\w+)\s+on",
    related=(
        r"related(?:\s+(?:articles?|stories|story|news|content|coverage|links?|reading))?|"
        r"read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|"
        r"more\s+(?:news|stories)|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|watch|listen"
    ),
    mirror=(
        r"alternat(?:e|ive)\s+(?:web\s*)?(?:address|domain|url|link|site)s?|"
        r"mirror\s+(?:site|address|domain|link)s?|can\s+also\s+be\s+accessed\s+at"
    ),
    copyright=(
        r"©|\(c\)\s*\d{4}|\bcopyright\b[^\w\n]{0,8}\d{4}|\bcopyright\s*(?:©|\(c\))|\ball\s+rights\s+reserved\b"
    ),
    newsletter=(
        r"sign\s+up|subscribe|get\s+(?:our|the)\s+(?:\w+\s+){0,3}(?:newsletter|app|alerts?)|"
        r"download\s+(?:our|the)\s+(?:\w+\s+){0,2}app|join\s+(?:our|us\s+on)|never\s+miss|"
        r"don'?t\s+miss|stay\s+(?:informed|updated|up\s+to\s+date)"
    ),
    newsletter_word="newsletter",
    apps=r"roku|app\s*store|google\s+play|apple\s+tv|android\s+tv|fire\s*tv",
    reporting=r"said|says|told|according",
    source_labels=r"(?:original|source|canonical|permanent)(?:\s+(?:url|link|address|article))?",
    navigation=(
        r"all\s+news|latest\s+news|more\s+news|top\s+stories|news\s+feed|news|home(?:\s*page)?|"
        r"main\s+page|menu|search|back(?:\s+to\s+(?:news|top|home))?|skip\s+to\s+(?:main\s+)?content|"
        r"next\s+article|previous\s+article|most\s+(?:read|popular|viewed)|trending(?:\s+now)?"
    ),
    caption_opener=(
        r"(?:in\s+)?this\s+(?:[\w-]+\s+){{0,3}}?(?:{photo}|video\s+grab|screen\s?grab|frame\s+grab|still)\b"
        r"|an?\s+(?:handout\s+)?(?:photo|picture|image)\s+taken\b"
        r"|an?\s+(?:handout|file)\s+(?:photo|picture|image)\b"
    ),
    caption_verbs=(
        r"(?:provided|released|taken|made\s+available|distributed|posted|shared|obtained|"
        r"supplied|published)\s+by|taken\s+on|shows?|showing"
    ),
    inline_share_buttons=r"Print|Tweet|Share|Email",
    inline_share_more=r"Print|Tweet|Share|Email|WhatsApp",
    inline_views=r"Views",
    inline_footer_start=r"\b(?:Follow\s+us\s+on\s+\w+|Copyright\b)|©|\bAll\s+rights\s+reserved\b",
    inline_standards=r"Our Standards:\s*The Thomson Reuters Trust Principles\.?",
    widget_end=r"Community\s*standards\s*Discussion\s*(?:Comment\s+via\s+\w+(?:\s+\w+)?\s*){1,3}",
    widget_blocks=r"Topic|Related|Tags|Community",
    widget_headline_blocks=r"Topic|Related",
    widget_tag_blocks=r"Tags",
    agencies="agencies",
    agencies_join="and",
    byline_by="By",
    byline_joins=r"and|for",
    date_header=r"Published|Updated|Last updated",
    caption_place_nouns=r"city|province|countryside|[Gg]overnorate|district|village|neighbou?rhood",
)
