"""Word lists used by the detectors, kept apart from the matching logic.

All entries are lowercase and accent-free (compare them with `_text.fold`).
None of these lists holds personal data: they are public vocabularies.
"""

from __future__ import annotations

MONTHS = frozenset(
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre "
    "janv fev fevr avr juil sept oct nov dec".split()
)

DAYS = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche".split())

GREETINGS = frozenset(
    "bonjour bonsoir salut coucou hello allo re cordialement cdlt cdt bisous merci "
    "slt bjr bsr mrc".split()
)

TITLES = frozenset(
    "madame monsieur mme mmes mlle melle mademoiselle mr m mrs messieurs mesdames "
    "docteur dr maitre me".split()
)

# Organisations, allowances and services users name in chats: capitalised, never a person.
ORGANISATIONS = frozenset(
    """
    caf cpam cnaf cnam ameli vitale carsat urssaf msa cnav pole emploi france travail
    mdph cdaph ccas crous mairie prefecture impots impot tresor public dgfip sncf ratp
    apl als alf rsa aah paje asf ars cmg css cmu acs aeeh ajpp prepare ppa ass are
    mon compte espace personnel assurance maladie retraite securite sociale secu
    allocations allocation familiales familial complement prime activite logement
    rentree scolaire naissance adoption base garde enfant handicape handicap solidarite
    complementaire sante mutuelle mgen harmonie macif maif matmut axa
    doctolib facebook messenger whatsapp google gmail hotmail outlook yahoo orange sfr
    free bouygues edf engie poste banque postale credit agricole lcl bnp societe
    generale caisse epargne boursorama leboncoin amazon netflix
    smic rib iban bic pdf jpeg jpg sms mail email mails cerfa attestation quotient
    """.split()
)

# Words a spaCy PER span often contains in chat text although they are no name.
CHAT_WORDS = frozenset(
    """
    je j jai j'ai jsuis chui suis moi toi nous vous svp stp pls please ok okay oui non
    urgent urgence aide help question probleme pb souci soucis demande dossier
    voila voici alors donc bref enfin merci encore depuis suite concernant objet
    davance d'avance bcp cdlt cdt
    cc coucou hello lol mdr svp bonne journee soiree weekend week-end
    mon ma mes ton ta tes son sa ses notre votre leur leurs
    fils fille mari femme epoux epouse conjoint conjointe compagnon compagne enfant
    enfants bebe pere mere papa maman frere soeur ex
    conseiller conseillere agent responsable directeur directrice maire juge assistante
    assistant sociale social service accueil equipe
    dieu mademoiselle madame monsieur
    """.split()
)

# Form labels people type around their data ("nom DUPONT prenom Marie", "Ines nee le"):
# they end a name, never belong to one.
LABEL_WORDS = frozenset(
    """
    nom noms prenom prenoms tel telephone portable mail email adresse nee ne naissance
    ddn date
    """.split()
)

# Big towns and regions spaCy sometimes tags PER; a town alone is not personal data.
PLACES = frozenset(
    """
    paris lyon marseille toulouse nice nantes strasbourg montpellier bordeaux lille
    rennes reims toulon grenoble dijon angers nimes villeurbanne clermont ferrand
    limoges tours amiens metz perpignan besancon orleans rouen mulhouse caen nancy
    argenteuil montreuil roubaix tourcoing avignon poitiers pau calais cayenne
    fort-de-france pointe-a-pitre saint-denis mamoudzou reunion guadeloupe martinique
    guyane mayotte corse france europe bretagne normandie alsace provence
    """.split()
)

# Cue words that introduce a relative: the next capitalised word is likely a first name.
RELATIVES = frozenset(
    """
    fils fille mari femme epoux epouse conjoint conjointe compagnon compagne enfant
    bebe pere mere frere soeur ex beau-pere belle-mere neveu niece petit-fils
    petite-fille maman papa
    """.split()
)

# Common first names in France (public vocabulary, not data about anybody).
# They rescue PER spans whose other tokens are ordinary words ("Pierre", "Rose").
# First names that are also what people write right after "je suis" / "c'est" about
# themselves: "je suis marie depuis 2010" (married), "c'est claire" (clear), "je suis rose".
FIRST_NAMES_AS_WORDS = frozenset("marie rose claire".split())

# What follows "je suis marie" when it means married, not Marie: never a surname.
SITUATION_WORDS = frozenset(
    """
    pacse pacsee divorce divorcee separe separee remarie remariee veuf veuve enceinte
    celibataire maintenant aussi religieusement civilement officiellement legalement
    """.split()
)

FIRST_NAMES = frozenset(
    """
    adam adele adrien agathe agnes ahmed aicha alain alexandra alexandre alexis alice
    aline amandine amelie amine anais andre andrea angelique anne annie anthony antoine
    arnaud arthur aurelie aurelien axel aya baptiste benjamin benoit bernard bertrand
    brigitte bruno camille carla caroline catherine cecile celine charles charlotte
    chantal christelle christian christine christophe claire claude clement clementine
    colette corinne cyril damien daniel danielle david delphine denis didier dominique
    dylan eden elisa elise elodie eloise emilie emma emmanuel enzo eric estelle ethan
    eva fabien fabrice fanny fatima fatou fatoumata florence florian francois francoise
    frederic gabriel gaelle genevieve georges gerard gilles ginette guillaume gregory
    helene henri hugo ines isabelle jacqueline jacques jade jean jeanne jeremy jerome
    joel johan jonathan jordan joseph josiane julie julien juliette justine karim karima
    kevin khadija laetitia laura laurence laurent lea leo leon leonie lina lisa loic
    louis louise luc luca lucas lucie lucile madeleine mael malik mamadou manon marc
    marcel margaux marguerite maria marie marine mario marion martin martine mathilde
    mathis matteo maxime melanie mehdi michel micheline mickael mohamed monique morgane
    moussa myriam nadia nadine nathalie nathan nicolas noah noe noemie oceane olivier
    omar oscar pascal pascale patricia patrick paul pauline philippe pierre quentin
    rachid raphael rayan regis remi renee richard robert romain rose sabrina sacha
    samia samir samira sandrine sarah sebastien serge severine simon sofia sophie
    stephane stephanie sylvain sylvie theo thierry thomas timothee tom valentin
    valerie vanessa veronique victor victoria vincent virginie xavier yanis yann
    yasmine yassine youssef yves yvette yvonne zoe
    """.split()
)

# Words that end a street name or a town when they follow the street type.
ADDRESS_STOP_WORDS = frozenset(
    """
    et ou mais donc car depuis pour avec sans chez dans en a au aux je j jai j'ai tu
    il elle on nous vous ils elles mon ma mes ton ta tes son sa ses notre votre leur
    qui que quand comment pourquoi est c'est cest suis sommes ai avons avez ont
    svp stp merci bonjour bonsoir pendant avant apres alors puis aussi ne pas plus
    tres bien y mois ans an depuis vers etc ca cela ce cet cette ici la-bas
    appartement appt apt etage escalier porte tel telephone mail
    maintenant aujourd'hui hier demain actuellement toujours encore deja seul seule
    seulement meme juste normalement donc voila
    """.split()
)

# Articles and particles allowed inside a street name but not enough on their own.
ADDRESS_PARTICLES = frozenset("de du des la le les l d' l' d saint sainte st ste".split())
