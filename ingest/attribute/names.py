"""First names that say whether a person is a he or a she.

"Kevin Doyle said ... She dismissed the criticism": a story rarely writes a pronoun
before its speakers' first names, so the name itself is the earliest evidence. Only
names borne almost only by one sex are listed; names given to both (Jordan, Morgan,
Kim, Jean, Andrea, Nicola, ...) are left out and learned from the text instead.
"""

from __future__ import annotations

import unicodedata

from quotedesk.text import word_set

MALE_FIRST_NAMES = word_set(
    """
    aaron abdul adam adrian ahmed alan albert alejandro alexander alfred ali andrew
    angus anthony antonio arthur benjamin bernard bill billy brad
    brendan brett brian bruce bryan carl carlos charles christopher colin craig daniel
    darren david dennis derek donald doug douglas dylan edward emmanuel eric
    ernest eugene frank frederick gary george gerald giuseppe gordon graham greg
    gregory harold harry henry hugh ian ivan jack jacob james jason jeff jeffrey jeremy
    jerome jim jimmy joe joel john jonathan jose joseph juan justin keith kenneth
    kevin kyle larry lawrence liam louis luis luke marco mark martin matthew michael
    mike mohammad mohammed muhammad nathan neil nicholas nigel oliver omar oscar
    patrick paul peter philip pierre rahul ralph raymond richard rick robert roger
    ronald russell ryan samuel scott sean sergei simon stephen steve steven stuart
    ted thomas timothy todd tom tony victor vladimir walter wayne william yuri
    owen nick dan ben ed hal ray ron don bob rob tim phil jon josh matt nate seth zach
    chad kurt kirk lance ciaran eamon conor
    kieran cormac rory barry hamish ewan callum alistair duncan fraser gavin rhys
    wiremu hemi rajesh sunil anil vijay amit sanjay arjun vikram ramesh suresh
    thabo sipho themba cyril hassan hussein ibrahim yusuf tariq karim samir
    rashid walid abdullah mustafa hamid felix hugo max leo noah ethan tyler trevor
    troy wade brent cody garrett howard herbert lloyd marvin mitch mitchell
    neville norman percy rex roy rupert stanley vernon warren wesley clive malcolm
    dominic damian hector jasper kenny lewis miles nathaniel seamus shane
    terence tobias toby vince vincent reginald rodney ross
    """
)

FEMALE_FIRST_NAMES = word_set(
    """
    abigail agnes alexandra alice alison amanda amy angela angelina ann anna anne
    annette barbara betty beverly brenda carla carol caroline catherine cheryl
    christina christine claire claudia cynthia deborah debbie denise diana
    diane donna doris dorothy elaine eleanor elena elisabeth elizabeth ellen emily emma
    fatima fiona frances gillian gloria grace hannah heather helen irene
    isabella jacqueline jane janet janice jennifer jessica jill joan joanne joyce judith
    judy julia julie karen katherine kathleen kathryn kathy katie kirsten
    laura lauren linda lisa liz lois louise lucy lynn margaret maria marie marilyn
    marjorie martha mary maxine megan melanie melissa michelle monica nancy natalie
    nicole nora olivia pamela patricia paula pauline priya rachel rebecca rita rosa
    rose ruth sandra sarah sharon sheila sophie stephanie susan suzanne teresa theresa
    tina tracy ursula valerie vanessa victoria virginia wendy yvonne
    aoife niamh ciara sinead
    grainne roisin mairead eileen maeve anjali sunita kavita deepa pooja nomvula thandi
    lindiwe naledi aisha layla leila yasmin amina zainab nadia samira mariam jacinda
    tessa penny jenny becky sally molly holly shelley tracey stacey abby ellie eva
    ava chloe zoe mia isla freya harriet imogen beatrice bridget clare colleen dawn
    edith esther flora gemma gwen hazel ingrid iris ivy jade jasmine joanna
    josephine kay lena lily lorraine lydia madeleine maureen meredith miriam
    moira nina norma olga paige peggy phoebe rhonda roberta rosemary sabrina serena
    shirley sonia sophia stella sylvia tamara tanya vera veronica yolanda zara
    leanne lucinda miranda nadine tara gina
    """
)


def first_name_gender(name: str) -> str | None:
    """ "Kevin Doyle" -> "male": the gender a full name's first word gives, if any."""
    words = name.split()
    if len(words) < 2:
        return None
    first = folded(words[0].strip(".,").lower())
    if first in MALE_FIRST_NAMES:
        return "male"
    return "female" if first in FEMALE_FIRST_NAMES else None


def folded(word: str) -> str:
    """ "ciarán" -> "ciaran": a name is the same name with or without its accents, which
    one paper prints and another drops (the lists hold the plain spelling)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
