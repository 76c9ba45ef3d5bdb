"""Temporary passwords a teacher reads out or writes on a slip: four common words and a number.

The words are concrete, easy to spell and to say (animals, food, places, things), 3–8 letters, with no
homophones a listener could write two ways. Four of 594 words and a number from 10 to 99 give about
43.3 bits — a guesser would need billions of tries, where the login allows ten
every fifteen minutes — while ``otter-maple-quilt-river-47`` is still easy to read aloud.
"""

from __future__ import annotations

import math
import secrets

__all__ = ["WORDS", "entropy_bits", "passphrase"]

WORDS: tuple[str, ...] = tuple(
    """
    acorn actor adult agent album alien alley alpha amber anchor angle ankle apple apricot apron arch arena
    armor arrow aspen atlas attic audio autumn avocado bacon badge badger bagel baker bakery balcony ballad
    ballet bamboo banana banjo barley barrel basil basket beach beacon beaver beetle bench berry bicycle bison
    blanket blender blossom blue board bobcat bonfire bonnet bottle boulder bracelet branch bread breeze brick
    bridge brook brush bucket buckle buffalo bugle bundle burrow butter button cabbage cabin cactus cake camel
    camera canal candle canoe canvas canyon captain carbon cargo carpet carrot cashew castle cattle cavern cedar
    celery cement chalk channel chapel chapter cheese cheetah cherry chess chicken chimney chipmunk cinema
    cinnamon circle circus citrus clarinet clay cliff clock cloud clover coach coast cobalt cobra cocoa coconut
    coffee comb comet compass condor cookie copper coral cornet cotton cougar county cousin cowboy coyote crab
    crane crayon cricket crocus crown crystal cupboard cupcake curtain cushion custard cycle dairy daisy dancer
    delta dentist desert diamond dinner dinosaur dock dolphin domino donkey dragon drawer dream drizzle drum
    duck dumpling dune eagle easel echo eclipse elbow elder elephant elevator elk elm ember emerald engine
    envelope fabric falcon farmer feather fence fern ferry fiddle field fig finch firefly flag flame flamingo
    florist flute fog forest forklift fossil fountain fox frame freckle frog frost galaxy garden garlic garnet
    gecko ginger giraffe glacier glitter globe glove goat goblet gold gondola goose gorilla granite grape gravel
    gravy guitar gull hammer hamster harbor harvest hatch hazel hedgehog helmet heron hiker hill hippo hockey
    honey hoodie hornet horse hotel husky iceberg igloo iguana ink insect iron island ivory jacket jaguar jam
    jar jasmine jelly jersey jigsaw journal juggler jungle kangaroo kayak kernel ketchup kettle keyboard kitchen
    kite kitten kiwi koala ladder ladle lagoon lake lantern laptop lava lavender lemon lemur leopard lettuce
    library lily lime lion lizard llama lobby lobster locket lollipop lotus lunar macaroni magnet mammoth
    mandolin mango maple marble marigold market marsh mascot meadow meerkat melon metal meteor mineral minnow
    mint mirror mitten mole monkey monsoon moose mosaic moss moth motor mountain muffin mural museum mushroom
    music narwhal nectar needle nest nickel noodle north nutmeg nutshell oak oasis oatmeal ocean octopus olive
    onion opera orange orbit orchard orchid ostrich otter outpost owl oyster paddle paddock palace pancake panda
    panther papaya paper parrot parsley passport pasta pastry peach peacock peanut peapod pebble pecan pelican
    pencil penguin pepper piano pickle picnic pigeon pillow pilot pine pinecone pirate planet platypus plaza
    plum pocket poem polar poncho pony poppy postcard potato pretzel prism pudding puffin pumpkin puppet puzzle
    pyramid quail quest quilt quiver rabbit raccoon radar radio radish rainbow raisin rattle raven recipe reef
    reindeer rhino ribbon river robin rocket rodeo rooftop rosemary ruby saddle saffron sailboat salad salmon
    sandal sapphire sardine satin sausage scallop scarf school scooter seal season sesame shadow shamrock shark
    sheep shell sherbet shovel shrimp signal silver skate skylark sled slipper sloth smoothie snail snorkel snow
    snowman soccer socks sofa spark sparrow spatula spider spinach sponge spoon spring sprout spruce squid
    squirrel stable stamp star starfish statue stone stool stork storm straw stream studio sugar summer sunset
    sushi swallow swan sweater syrup table tablet taco tadpole tailor teacup teapot temple tent termite thimble
    thistle thunder tiger timber toast toboggan tomato topaz torch tortoise toucan tower tractor trail train
    tree trombone trout truffle trumpet tuba tugboat tulip tunnel turkey turnip turtle tuxedo umbrella unicorn
    valley vanilla velvet violin volcano vulture waffle wagon wallaby walnut walrus wand warbler wasabi water
    weasel wetland whale wheat whistle willow windmill window winter wizard wolf wombat yacht yak zebra zipper
    """.split()
)

WORD_COUNT = 4
NUMBERS = range(10, 100)


def passphrase(choice=secrets.choice) -> str:
    """E.g. ``otter-maple-quilt-river-47``; ``choice`` picks from a sequence (a CSPRNG unless a test says)."""
    return "-".join([*(choice(WORDS) for _ in range(WORD_COUNT)), str(choice(NUMBERS))])


def entropy_bits() -> float:
    return WORD_COUNT * math.log2(len(WORDS)) + math.log2(len(NUMBERS))
