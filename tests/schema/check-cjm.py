#!/usr/bin/env python3
# check-cjm.py: checks of the .cjm schema and of the maps bundled with the app
#
# Copyright 2026 The Journey Mapper authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   check-cjm.py validate --xmllint PATH --schema data/cjm.rng [--expect-invalid] FILE
#       Validates FILE with xmllint against the schema. With --expect-invalid,
#       succeeds only if FILE is well-formed XML that the schema rejects.
#   check-cjm.py check --src SRC_CORE_DIR FILE...
#       For the bundled samples and templates: checks what the schema cannot
#       (unique ids, links that resolve to the right kind of element, cards in
#       lanes of a fitting kind, one emotion per persona and step, spans within
#       the map, the safety limits), and that the file is written exactly the
#       way the writer writes it (attribute and element order taken from the
#       field tables in src/core, defaults left out, two-space indentation).
#   check-cjm.py sync --src SRC_CORE_DIR SCHEMA
#       Checks that the schema lists the enum nicks of src/core/cjm-enums.h and
#       the attributes and text elements of the field tables, in table order.
#   check-cjm.py doc --xmllint PATH --schema data/cjm.rng --src SRC_CORE_DIR DOC
#       Checks the examples of doc/cjm-format.md: each complete XML example
#       (one starting with an XML declaration) validates, and is written the
#       way the writer writes it unless it holds extension content; each JSON
#       example is a JSON object with the keys "format", "version" and "map".
#
# Only the Python standard library is used. The rules are those of
# doc/cjm-format.md.

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = 'https://example.org/ns/journey-mapper'
RNG_NS = 'http://relaxng.org/ns/structure/1.0'
MAX_FILE_SIZE = 64 * 1024 * 1024
MAX_DEPTH = 64

# XML element name → the C file and table holding its fields.
TABLES = {
    'journey-map': ('cjm-map.c', 'map_fields'),
    'revision': ('cjm-revision.c', 'revision_fields'),
    'persona': ('cjm-persona.c', 'persona_fields'),
    'stage': ('cjm-stage.c', 'stage_fields'),
    'step': ('cjm-step.c', 'step_fields'),
    'lane': ('cjm-lane.c', 'lane_fields'),
    'card': ('cjm-card.c', 'card_fields'),
    'emotion': ('cjm-emotion.c', 'emotion_fields'),
    'connection': ('cjm-connection.c', 'connection_fields'),
}

# Which enum each enum-valued attribute holds (element, attribute) → enum type.
ENUM_ATTRIBUTES = {
    ('journey-map', 'target'): 'CjmTarget',
    ('persona', 'environment'): 'CjmEnvironment',
    ('lane', 'kind'): 'CjmLaneKind',
    ('lane', 'channel'): 'CjmChannel',
    ('lane', 'text-kind'): 'CjmTextKind',
    ('card', 'kind'): 'CjmCardKind',
    ('card', 'presence'): 'CjmPresence',
    ('card', 'direction'): 'CjmDirection',
    ('card', 'department'): 'CjmDepartment',
    ('card', 'category'): 'CjmPainCategory',
    ('card', 'evidence-kind'): 'CjmEvidenceKind',
    ('card', 'status'): 'CjmOpportunityStatus',
}

# Default values of the whole-number attributes (left out by the writer).
INT_DEFAULTS = {
    ('card', 'span'): '1',
    ('card', 'severity'): '0',
    ('card', 'impact'): '0',
    ('card', 'effort'): '0',
    ('emotion', 'score'): '0',
}

# The kind of lane each kind of card goes in.
CARD_LANE_KIND = {
    'touchpoint': 'channel',
    'note': 'text',
    'pain-point': 'pain-points',
    'opportunity': 'opportunities',
    'metric': 'metrics',
    'backstage': 'backstage',
}

# Root collections, in file order.
ROOT_CHILDREN = ['revision', 'persona', 'stage', 'lane', 'card', 'emotion', 'connection']


def q(name):
    return '{%s}%s' % (NS, name)


def local(tag):
    return tag.split('}', 1)[1] if tag.startswith('{') else tag


def in_our_ns(tag):
    return tag.startswith('{%s}' % NS)


# --- Reading the C sources -------------------------------------------------

def read_tables(src):
    """Returns {xml element: [(xml name, 'A' or 'E'), ...]} in table order."""
    tables = {}
    for element, (filename, table) in TABLES.items():
        with open(os.path.join(src, filename), encoding='utf-8') as f:
            text = f.read()
        m = re.search(r'static const CjmField %s\[\] = \{(.*?)\};' % table, text, re.S)
        if not m:
            raise SystemExit('cannot find %s in %s' % (table, filename))
        entries = re.findall(r'\{\s*"([^"]+)",\s*"([^"]+)",\s*CJM_FIELD_(ATTRIBUTE|ELEMENT)\s*\}',
                             m.group(1))
        tables[element] = [(xml, 'A' if kind == 'ATTRIBUTE' else 'E') for _, xml, kind in entries]
    return tables


def mkenums_nicks(names):
    """The nicks glib-mkenums makes: the common prefix up to an underscore
    is dropped, the rest lower-cased with underscores as hyphens."""
    if len(names) == 1:
        prefix = names[0][:names[0].rfind('_') + 1]
    else:
        prefix = os.path.commonprefix(names)
        prefix = prefix[:prefix.rfind('_') + 1]
    return [n[len(prefix):].lower().replace('_', '-') for n in names]


def read_enums(src):
    """Returns {enum type: [nick, ...]} in value order."""
    with open(os.path.join(src, 'cjm-enums.h'), encoding='utf-8') as f:
        text = re.sub(r'/\*.*?\*/', '', f.read(), flags=re.S)
    enums = {}
    for body, name in re.findall(r'typedef enum\s*\{(.*?)\}\s*(\w+)\s*;', text, re.S):
        values = [v.split('=')[0].strip() for v in body.split(',')]
        enums[name] = mkenums_nicks([v for v in values if v])
    return enums


# --- validate --------------------------------------------------------------

def cmd_validate(args):
    if not args.xmllint or not os.path.exists(args.xmllint):
        print('xmllint was not found: install it to run the schema tests '
              '(Debian and Ubuntu: libxml2-utils; Fedora: libxml2).', file=sys.stderr)
        return 1

    # Well-formedness first, so that a broken test file never passes as
    # "invalid" for the wrong reason.
    try:
        ET.parse(args.file)
    except ET.ParseError as e:
        print('%s: not well-formed: %s' % (args.file, e), file=sys.stderr)
        return 1

    proc = subprocess.run([args.xmllint, '--noout', '--relaxng', args.schema, args.file],
                          capture_output=True, text=True)
    sys.stderr.write(proc.stderr)

    # xmllint exits with 3 when a file does not validate, with 5 when the
    # schema itself does not compile.
    if proc.returncode not in (0, 3):
        print('xmllint failed (exit status %d)' % proc.returncode, file=sys.stderr)
        return 1
    if args.expect_invalid:
        if proc.returncode == 0:
            print('%s: the schema accepts this file, but it must reject it' % args.file,
                  file=sys.stderr)
            return 1
        print('%s: rejected, as expected' % args.file)
        return 0
    return proc.returncode


# --- check -----------------------------------------------------------------

class Checker:
    def __init__(self, path, tables, enums):
        self.path = path
        self.tables = tables
        self.enums = enums
        self.errors = []

    def error(self, message, *args):
        self.errors.append('%s: %s' % (self.path, message % args))

    # Safety rules and well-formedness.
    def parse(self):
        size = os.path.getsize(self.path)
        if size > MAX_FILE_SIZE:
            self.error('larger than %d bytes', MAX_FILE_SIZE)
            return None
        with open(self.path, 'rb') as f:
            data = f.read()
        if re.search(rb'<!DOCTYPE|<!ENTITY', data):
            self.error('has a DOCTYPE or an entity declaration')
        if data[:2] == b'\x1f\x8b':
            self.error('is compressed')
            return None
        try:
            self.text = data.decode('utf-8')
        except UnicodeDecodeError as e:
            self.error('is not UTF-8: %s', e)
            return None
        try:
            return ET.fromstring(data)
        except ET.ParseError as e:
            self.error('is not well-formed: %s', e)
            return None

    def check_depth(self, element, depth=1):
        if depth > MAX_DEPTH:
            self.error('elements nest deeper than %d levels', MAX_DEPTH)
            return False
        return all(self.check_depth(child, depth + 1) for child in element)

    # The writer's form: attribute order and defaults.
    def check_attributes(self, element):
        name = local(element.tag)
        table = self.tables[name]
        expected_order = (['version'] if name == 'journey-map' else []) + ['id'] + \
            [xml for xml, kind in table if kind == 'A']
        names = list(element.attrib)
        for attr in names:
            if attr not in expected_order:
                self.error('<%s id="%s"> has an attribute "%s" that is not in its field table',
                           name, element.get('id'), attr)
        known = [a for a in names if a in expected_order]
        if known != sorted(known, key=expected_order.index):
            self.error('<%s id="%s">: attributes are not in table order: %s',
                       name, element.get('id'), ' '.join(known))
        for attr, value in element.attrib.items():
            enum = ENUM_ATTRIBUTES.get((name, attr))
            if enum and enum in self.enums and value == self.enums[enum][0]:
                self.error('<%s id="%s"> writes the default %s="%s": the writer leaves it out',
                           name, element.get('id'), attr, value)
            if INT_DEFAULTS.get((name, attr)) == value:
                self.error('<%s id="%s"> writes the default %s="%s": the writer leaves it out',
                           name, element.get('id'), attr, value)
            if value == '':
                self.error('<%s id="%s"> writes an empty %s: the writer leaves it out',
                           name, element.get('id'), attr)

    # Serialises the tree the way the writer does, to compare with the file.
    def serialise(self, root):
        lines = ['<?xml version="1.0" encoding="UTF-8"?>']

        def escape_text(s):
            return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;') \
                .replace('\r', '&#13;')

        def escape_attr(s):
            return escape_text(s).replace('"', '&quot;').replace('\n', '&#10;') \
                .replace('\t', '&#9;')

        def start(element, top):
            attrs = ''.join(' %s="%s"' % (k, escape_attr(v)) for k, v in element.attrib.items())
            xmlns = ' xmlns="%s"' % NS if top else ''
            return '<%s%s%s' % (local(element.tag), xmlns, attrs)

        def write(element, depth, top=False):
            indent = '  ' * depth
            name = local(element.tag)
            if name in self.tables:
                if len(element) == 0:
                    lines.append(indent + start(element, top) + '/>')
                else:
                    lines.append(indent + start(element, top) + '>')
                    for child in element:
                        write(child, depth + 1)
                    lines.append('%s</%s>' % (indent, name))
            else:
                # A text field: its text inline.
                lines.append('%s<%s>%s</%s>' % (indent, name, escape_text(element.text or ''), name))

        write(root, 0, top=True)
        return '\n'.join(lines) + '\n'

    def check(self):
        root = self.parse()
        if root is None:
            return
        if root.tag != q('journey-map'):
            self.error('the root is not a journey-map in the namespace %s', NS)
            return
        self.check_depth(root)

        model = [e for e in root.iter() if local(e.tag) in self.tables and in_our_ns(e.tag)]

        # Ids: present, unique.
        ids = {}
        for element in model:
            id = element.get('id')
            if id is None:
                self.error('a <%s> has no id', local(element.tag))
            elif id in ids:
                self.error('the id "%s" is used twice', id)
            else:
                ids[id] = element

        for element in model:
            self.check_attributes(element)

        # Text fields: not empty (the writer leaves empty text out).
        for element in model:
            for child in element:
                if local(child.tag) not in self.tables and not (child.text or ''):
                    self.error('<%s id="%s"> has an empty <%s>', local(element.tag),
                               element.get('id'), local(child.tag))

        def of(kind):
            return {e.get('id'): e for e in root.findall(q(kind))}

        personas = of('persona')
        lanes = of('lane')
        cards = of('card')
        steps = [step.get('id') for stage in root.findall(q('stage'))
                 for step in stage.findall(q('step'))]

        for stage in root.findall(q('stage')):
            if stage.find(q('step')) is None:
                self.error('the stage "%s" has no step', stage.get('id'))

        for id, card in cards.items():
            kind = card.get('kind', 'touchpoint')
            lane = lanes.get(card.get('lane'))
            if lane is None:
                self.error('the card "%s" is in a lane that does not exist: "%s"',
                           id, card.get('lane'))
            elif lane.get('kind', 'channel') != CARD_LANE_KIND[kind]:
                self.error('the card "%s" (a %s) is in the lane "%s" of kind %s',
                           id, kind, lane.get('id'), lane.get('kind', 'channel'))
            step = card.get('step')
            if step not in steps:
                self.error('the card "%s" is at a step that does not exist: "%s"', id, step)
            elif steps.index(step) + int(card.get('span', '1')) > len(steps):
                self.error('the card "%s" spans past the last step of the map', id)
            for ref in card.get('personas', '').split():
                if ref not in personas:
                    self.error('the card "%s" names a persona that does not exist: "%s"', id, ref)
            for ref in card.get('pain-points', '').split():
                if cards.get(ref, {}).get('kind') != 'pain-point':
                    self.error('the card "%s" names "%s" as a pain point: '
                               'no pain-point card has this id', id, ref)
            for ref in card.get('touchpoints', '').split():
                if ref not in cards or cards[ref].get('kind', 'touchpoint') != 'touchpoint':
                    self.error('the card "%s" names "%s" as a touchpoint: '
                               'no touchpoint card has this id', id, ref)

        seen = set()
        for emotion in root.findall(q('emotion')):
            id = emotion.get('id')
            if emotion.get('persona') not in personas:
                self.error('the emotion "%s" is of a persona that does not exist: "%s"',
                           id, emotion.get('persona'))
            if emotion.get('step') not in steps:
                self.error('the emotion "%s" is at a step that does not exist: "%s"',
                           id, emotion.get('step'))
            pair = (emotion.get('persona'), emotion.get('step'))
            if pair in seen:
                self.error('two emotions of the persona "%s" at the step "%s"', *pair)
            seen.add(pair)

        for connection in root.findall(q('connection')):
            for end in ('from', 'to'):
                if connection.get(end) not in cards:
                    self.error('the connection "%s" is %s a card that does not exist: "%s"',
                               connection.get('id'), end, connection.get(end))

        # Root children in collection order.
        order = [local(c.tag) for c in root if local(c.tag) in ROOT_CHILDREN]
        if order != sorted(order, key=ROOT_CHILDREN.index):
            self.error('the collections are not in the order %s', ', '.join(ROOT_CHILDREN))

        # Byte for byte what the writer would write.
        expected = self.serialise(root)
        if expected != self.text:
            for number, (a, b) in enumerate(zip(expected.splitlines(), self.text.splitlines()), 1):
                if a != b:
                    self.error('line %d is not written the way the writer writes it:\n'
                               '  expected: %s\n  found:    %s', number, a, b)
                    break
            else:
                self.error('the file does not end the way the writer ends it '
                           '(one newline after </journey-map>)')


def cmd_check(args):
    tables = read_tables(args.src)
    enums = read_enums(args.src)
    failed = False
    for path in args.files:
        checker = Checker(path, tables, enums)
        checker.check()
        for message in checker.errors:
            print(message, file=sys.stderr)
        if checker.errors:
            failed = True
        else:
            print('%s: ok' % path)
    return 1 if failed else 0


# --- sync ------------------------------------------------------------------

def cmd_sync(args):
    tables = read_tables(args.src)
    enums = read_enums(args.src)
    grammar = ET.parse(args.schema).getroot()
    defines = {d.get('name'): d for d in grammar.iter('{%s}define' % RNG_NS)}
    errors = []

    def expand(node, out, top=True):
        """Lists (kind, name) of the attributes and elements a pattern
        allows, in order, following refs but not entering elements."""
        for child in node:
            tag = local(child.tag)
            if tag == 'ref':
                expand(defines[child.get('name')], out, top)
            elif tag == 'attribute' and child.get('name'):
                out.append(('A', child.get('name')))
            elif tag == 'element' and child.get('name'):
                out.append(('E', child.get('name')))
            elif tag in ('optional', 'zeroOrMore', 'oneOrMore', 'group'):
                expand(child, out, top)
        return out

    for name, table in tables.items():
        define = defines.get(name)
        element = define.find('{%s}element' % RNG_NS) if define is not None else None
        if element is None or element.get('name') != name:
            errors.append('the schema has no define "%s" holding <element name="%s">'
                          % (name, name))
            continue
        allowed = expand(element, [])
        attributes = [n for k, n in allowed if k == 'A' and n not in ('id', 'version')]
        texts = [n for k, n in allowed if k == 'E' and n not in TABLES]
        if attributes != [x for x, k in table if k == 'A']:
            errors.append('<%s>: the schema has the attributes %s, the field table %s'
                          % (name, attributes, [x for x, k in table if k == 'A']))
        if texts != [x for x, k in table if k == 'E']:
            errors.append('<%s>: the schema has the text elements %s, the field table %s'
                          % (name, texts, [x for x, k in table if k == 'E']))

    for enum, nicks in enums.items():
        kebab = re.sub(r'(?<!^)([A-Z])', r'-\1', enum[len('Cjm'):]).lower()
        define = defines.get('%s-values' % kebab)
        if define is None:
            errors.append('the schema has no define "%s-values" for %s' % (kebab, enum))
            continue
        values = [v.text for v in define.iter('{%s}value' % RNG_NS)]
        if values != nicks:
            errors.append('%s: the schema has %s, cjm-enums.h %s' % (enum, values, nicks))

    for (element, attr), enum in ENUM_ATTRIBUTES.items():
        if enum not in enums:
            errors.append('cjm-enums.h has no %s (for %s/@%s)' % (enum, element, attr))

    for message in errors:
        print(message, file=sys.stderr)
    if not errors:
        print('the schema matches the field tables and the enums')
    return 1 if errors else 0


# --- doc -------------------------------------------------------------------

def cmd_doc(args):
    with open(args.doc, encoding='utf-8') as f:
        text = f.read()
    blocks = re.findall(r'^```(xml|json)\n(.*?)^```$', text, re.M | re.S)
    tables = read_tables(args.src)
    enums = read_enums(args.src)
    failed = False
    n_checked = 0

    with tempfile.TemporaryDirectory() as tmp:
        for number, (language, body) in enumerate(blocks, 1):
            where = '%s, example %d (%s)' % (args.doc, number, language)
            if language == 'json':
                try:
                    value = json.loads(body)
                except ValueError as e:
                    print('%s: not valid JSON: %s' % (where, e), file=sys.stderr)
                    failed = True
                    continue
                if not isinstance(value, dict) or list(value) != ['format', 'version', 'map']:
                    print('%s: not an object with "format", "version", "map"' % where,
                          file=sys.stderr)
                    failed = True
                n_checked += 1
                continue

            if not body.startswith('<?xml'):
                continue  # a fragment

            path = os.path.join(tmp, 'example-%d.cjm' % number)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(body)
            n_checked += 1

            validate = argparse.Namespace(xmllint=args.xmllint, schema=args.schema,
                                          expect_invalid=False, file=path)
            if cmd_validate(validate) != 0:
                print('%s: does not validate' % where, file=sys.stderr)
                failed = True
                continue

            # Extension content cannot be checked for the writer's form here:
            # ElementTree does not keep namespace prefixes.
            if 'xmlns:' in body:
                continue

            checker = Checker(path, tables, enums)
            checker.check()
            for message in checker.errors:
                print('%s: %s' % (where, message.split(': ', 1)[1]), file=sys.stderr)
            failed |= bool(checker.errors)

    if n_checked == 0:
        print('%s: no example found' % args.doc, file=sys.stderr)
        return 1
    if not failed:
        print('%s: %d examples checked' % (args.doc, n_checked))
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest='command', required=True)

    p = sub.add_parser('validate')
    p.add_argument('--xmllint', default='')
    p.add_argument('--schema', required=True)
    p.add_argument('--expect-invalid', action='store_true')
    p.add_argument('file')
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser('check')
    p.add_argument('--src', required=True)
    p.add_argument('files', nargs='+')
    p.set_defaults(func=cmd_check)

    p = sub.add_parser('sync')
    p.add_argument('--src', required=True)
    p.add_argument('schema')
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser('doc')
    p.add_argument('--xmllint', default='')
    p.add_argument('--schema', required=True)
    p.add_argument('--src', required=True)
    p.add_argument('doc')
    p.set_defaults(func=cmd_doc)

    args = parser.parse_args()
    return args.func(args)


if __name__ == '__main__':
    sys.exit(main())
