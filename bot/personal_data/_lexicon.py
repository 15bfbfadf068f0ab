"""Word lists used by the detectors, kept apart from the matching logic.

All entries are lowercase and accent-free (compare them with `bot.text.fold_same_length`).
None of these lists holds personal data: they are public vocabularies.
"""

from __future__ import annotations

MONTHS = frozenset(
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre "
    "janv fev fevr avr juil sept oct nov dec".split()
)

# The twelve months in full, as a pattern to match on folded text.
MONTHS_PATTERN = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"

DAYS = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche".split())

GREETINGS = frozenset(
    "bonjour bonsoir salut coucou hello allo re cordialement cdlt cdt bisous merci "
    "slt bjr bsr mrc "
    # greetings and thanks in the other languages people write in
    "salam salem hola ola buenos buenas necesito obrigado obrigada gracias grazie danke dzien dobry "
    "merhaba selam mauruuru ia orana vanakkam namaste xin chao kalimera zdravstvuyte privet здравствуйте привет".split()
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
    cesu pajemploi tesa tese agirc arrco ircantec aspa asi c2s ame puma franceconnect ants ofii
    pacs atexa arce acre crcesu colissimo chronopost dhl fedex ups malakoff humanis
    """.split()
)

# Words a spaCy PER span often contains in chat text although they are no name.
CHAT_WORDS = frozenset(
    """
    je j jai j'ai jsuis chui suis moi toi nous vous svp stp pls please ok okay oui non and
    urgent urgence aide help question probleme pb souci soucis demande dossier
    voila voici alors donc bref enfin merci encore depuis suite concernant objet
    davance d'avance bcp cdlt cdt pardon desole dsl
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
    nom noms prenom prenoms tel telephone portable mail email adresse nee ne naissance num numero alloc
    ddn date nir nss iban rib referent referente contact objet beneficiaire beneficiaires patient patiente ref reference references
    """.split()
)

# Public figures people blame in comments ("Macron augmente tout sauf les retraites"): their
# names are public, and masking them hides what the comment is about (ministers in charge of
# social security, the authors of pension reforms people still name them after, and its founders
# quoted on anniversaries, and the Cnam's director general, quoted in the press). Surnames that
# are rare as private persons' (not Villard, Hidalgo: "Agnès Villard" is someone's) and not also first
# names only; to keep current with the government.
PUBLIC_FIGURES = frozenset(
    """
    macron bayrou lecornu barnier attal borne melenchon bardella
    vautrin rist farandou valletoux fesneau genevard denormandie
    croizat laroque veil cesaire hedon
    touraine woerth fillon juppe balladur dussopt chirac
    fatome beaune
    """.split()
)

# Big towns and regions spaCy sometimes tags PER; a town alone is not personal data.
PLACES = frozenset(
    """
    paris lyon marseille toulouse nice nantes strasbourg montpellier bordeaux lille
    rennes reims toulon grenoble dijon angers nimes villeurbanne clermont clermont-ferrand
    limoges tours amiens metz perpignan besancon orleans rouen mulhouse caen nancy
    argenteuil montreuil roubaix tourcoing avignon poitiers pau calais cayenne
    fort-de-france pointe-a-pitre saint-denis mamoudzou reunion guadeloupe martinique
    guyane mayotte corse france europe bretagne normandie alsace provence
    francia espana galicia andalucia valencia cataluna portugal italia alemania belgica
    marruecos argelia tunez burdeos
    """.split()
)

# Cue words that introduce a relative: the next capitalised word is likely a first name.
RELATIVES = frozenset(
    """
    fils fille mari femme epoux epouse conjoint conjointe compagnon compagne enfant
    bebe pere mere frere soeur ex beau-pere belle-mere neveu niece petit-fils
    petite-fille maman papa copain copine
    """.split()
)

# Common first names in France (public vocabulary, not data about anybody).
# They rescue PER spans whose other tokens are ordinary words ("Pierre", "Rose").
# First names that are also what people write right after "je suis" / "c'est" about
# themselves: "je suis marie depuis 2010" (married), "c'est claire" (clear), "je suis rose".
FIRST_NAMES_AS_WORDS = frozenset("marie rose claire".split())

# Ordinary words of the caisses' questions that spaCy's lemma tables lack: capitalised at the
# start of a question ("Décès survenu à l'étranger : ..."), they looked like surnames; so did
# acronyms typed as words ("une demande d'Acaata", "l'Optam", "la Dpae").
ADMINISTRATIVE_WORDS = frozenset(
    """
    deces reimmatriculer reimmatriculation kbis covid covid-19 coronavirus
    acaata ajpa optam siret dpae rpps adeli numen
    """.split()
)

# Diseases named after a physician ("mon père a Alzheimer", "une maladie de Crohn") and the
# medico-social services families name ("l'orthophoniste parle d'un Sessad"): spaCy tags them
# PER. Only eponyms rare as French surnames: "Monsieur Charcot" or "Madame Raynaud" is a person.
MEDICAL_WORDS = frozenset(
    """
    alzheimer parkinson crohn asperger huntington hodgkin basedow hashimoto kawasaki dupuytren
    creutzfeldt ehlers danlos verneuil scheuermann sjogren lyme
    sessad camsp cmpp itep esat samsah savs ssiad usld aesh ulis segpa
    """.split()
)

# What follows "je suis marie" when it means married, not Marie: never a surname.
SITUATION_WORDS = frozenset(
    """
    pacse pacsee divorce divorcee separe separee remarie remariee veuf veuve enceinte
    celibataire maintenant aussi religieusement civilement officiellement legalement
    """.split()
)

FIRST_NAMES = frozenset(
    """
    abdel abdelkader abdoulaye adam adele adeline adil adrien adrienne agathe agnes ahmed aicha
    alain albert alexandra alexandre alexis alfred alice aline alix aloys amandine amel amelie
    amine anais anatole andre andrea andree angele angelina angelique annabelle anne anne-marie
    annick annie anthony antoine antoinette apolline arlette armand arnaud arthur audrey
    augustin aurelie aurelien axel axelle aya baptiste bastien beatrice benedicte benjamin
    benoit benoite bernadette bernard bertrand blandine boris brice brigitte bruno camille carla
    carole caroline cassandre catherine cecile celestine celine chantal charles charlotte chloe
    christelle christian christiane christine christophe cindy claire clara clarisse claude
    clemence clement clementine colette coline coralie corinne cyril cyrille daisy damien daniel
    danielle dany david delphine denis denise diane didier djamel dominique dylan eden edith
    edmond edouard eleonore eliane elias eliott elisa elisabeth elise ella elodie eloise elsa
    emeline emile emilie emilien emma emmanuel emmanuelle enzo eric erwan esteban estelle ethan
    ethel etienne eugene eugenie eulalie eva evan evelyne fabien fabienne fabrice fanny farid
    fatima fatou fatoumata felix fernand fernande flavie flora florence florent florian francis
    franck francois francoise frederic gabriel gabrielle gael gaelle gaetan gaspard gaston
    genevieve geoffrey georges geraldine gerard germain germaine gilles ginette gisele gregoire
    gregory guillaume guy gwenaelle gwendoline hakim hamid hanane hector helena helene henri
    herve hortense hugo huguette ibrahim idriss ilan ines irene isabelle ismael jacky jacqueline
    jacques jade jean jeanne jeannine jeremy jerome jessica jocelyne joel joelle johan johanna
    jonathan jordan joseph josephine josette josiane jules julia julie julien julienne juliette
    justine karim karima karine kelly kenza kevin khadija laetitia laura laure laurence laurent
    laurine lea leila lena leo leon leonard leonie liam liliane lilou lina line lionel lisa
    loane loic lola lorenzo louane louis louisa louise luc luca lucas lucie lucienne lucile
    ludivine ludovic lydia lylou madeleine mael maelle maelys magali maite malik malo mamadou
    mandy manon marc marcel marceline marcelle margaux marguerite maria marianne marie
    marie-claire marie-france marie-josee marie-laure marina marine mario marion marius marjorie
    marlene martin martine maryse matheo mathieu mathilda mathilde mathis matteo matthias maud
    maurice maxence maxime mehdi melanie melissa melodie michel michele micheline mickael
    mireille mohamed mohammed monique morgane moussa muriel myriam nabil nadege nadia nadine
    naima naomi nassim nathalie nathan nelly nicolas nicole nina ninon noah noe noemie norbert
    oceane odette odile olga olivia olivier omar ophelie oriane oscar paola pascal pascale
    patricia patrick paul paulette pauline perrine philippe philomene pierre priscilla quentin
    rachel rachid raphael raphaelle rayan raymond rebecca regine regis remi renee richard robert
    roger roland romain romane romeo rosalie rose roxane ruben sabine sabrina sacha salome
    salomon samia samir samira samuel sandra sandrine sarah sebastien sebastienne segolene
    selena serge severine simon sofia solange solene sophie soraya stephane stephanie suzanne
    sylvain sylvianne sylvie tatiana tessa theo thibault thibaut thierry thomas timothee
    tiphaine tom tristan ugo valentin valentine valerie vanessa veronica veronique victor
    victoria vincent virginie viviane wassim william xavier yanis yann yannick yasmina yasmine
    yassine yohan yolande youssef ysaline yves yvette yvonne zacharie zelie zoe
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

# French number words (folded), read back into digits by the spelled-phone reader and
# recognised after a cue by the spelled-number reader.
NUMBER_UNITS = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9,
}
NUMBER_TEENS = {
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
}
NUMBER_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
