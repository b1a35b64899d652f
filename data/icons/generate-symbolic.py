#!/usr/bin/python3
# Generates the symbolic icons of data/icons/: the app's symbolic icon and
# the lane, channel and card icons the UI loads from its GResource.
#
# GTK recolours symbolic icons by filling their shapes, so every stroke is
# turned into a filled outline here (GNOME's icon tools do the same). The
# drawings follow src/core/cjm-render-icons.c, which draws the same icons
# with cairo for the canvas and the exports: keep the two in step.
#
# Usage (a developer tool, not run by the build; needs python3-shapely):
#   data/icons/generate-symbolic.py
# The SVG files it writes are committed.

import math
import os

from shapely.geometry import LineString, Point, Polygon
from shapely.ops import unary_union

HERE = os.path.dirname(os.path.abspath(__file__))
INK = "#2e3436"
WIDTH = 1.5


class Icon:
    def __init__(self):
        self.shapes = []
        self.holes = []

    # Strokes, as cairo draws them: 1.5 wide, round caps and joins.
    def stroke(self, points, closed=False, width=WIDTH):
        if closed:
            points = list(points) + [points[0]]
        self.shapes.append(LineString(points).buffer(width / 2, cap_style=1, join_style=1,
                                                      resolution=16))

    def fill(self, points):
        self.shapes.append(Polygon(points).buffer(0))

    def dot(self, x, y, r):
        self.shapes.append(Point(x, y).buffer(r, resolution=16))

    def cut(self, geometry):
        self.holes.append(geometry)

    def svg(self, opacity_layers=()):
        shape = unary_union(self.shapes)
        for hole in self.holes:
            shape = shape.difference(hole)
        paths = [f'  <path fill="{INK}" d="{to_path(shape)}"/>']
        for layer, opacity in opacity_layers:
            paths.insert(0, f'  <path fill="{INK}" fill-opacity="{opacity}" d="{to_path(layer)}"/>')
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">\n'
                + "\n".join(paths) + "\n</svg>\n")


def fmt(v):
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def ring_path(coords):
    coords = list(coords)[:-1]
    out = "M" + fmt(coords[0][0]) + " " + fmt(coords[0][1])
    for x, y in coords[1:]:
        out += "L" + fmt(x) + " " + fmt(y)
    return out + "Z"


def to_path(geometry):
    polygons = getattr(geometry, "geoms", [geometry])
    out = ""
    for polygon in polygons:
        polygon = polygon.simplify(0.02)
        out += ring_path(polygon.exterior.coords)
        for interior in polygon.interiors:
            out += ring_path(interior.coords)
    return out


def arc(cx, cy, r, a0, a1, n=48):
    steps = max(4, int(n * abs(a1 - a0) / (2 * math.pi)))
    return [(cx + r * math.cos(a0 + (a1 - a0) * i / steps),
             cy + r * math.sin(a0 + (a1 - a0) * i / steps)) for i in range(steps + 1)]


def ellipse(cx, cy, rx, ry, n=48):
    return [(cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n))
            for i in range(n)]


def circle(cx, cy, r):
    return ellipse(cx, cy, r, r)


def rounded(x, y, w, h, r):
    return (arc(x + w - r, y + r, r, -math.pi / 2, 0, 32)
            + arc(x + w - r, y + h - r, r, 0, math.pi / 2, 32)
            + arc(x + r, y + h - r, r, math.pi / 2, math.pi, 32)
            + arc(x + r, y + r, r, math.pi, 3 * math.pi / 2, 32))


def bezier(p0, p1, p2, p3, n=24):
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return out


ICONS = {}


def icon(name):
    def register(function):
        ICONS[name] = function
        return function
    return register


# Channels

@icon("cjm-channel-website-symbolic")
def website(i):
    i.stroke(circle(8, 8, 6.5), closed=True)
    i.stroke(ellipse(8, 8, 6.5 * 0.42, 6.5), closed=True)
    i.stroke([(1.5, 8), (14.5, 8)])
    i.stroke([(3, 4.5), (13, 4.5)])
    i.stroke([(3, 11.5), (13, 11.5)])


@icon("cjm-channel-mobile-app-symbolic")
def mobile_app(i):
    i.stroke(rounded(4.25, 1.25, 7.5, 13.5, 1.75), closed=True)
    i.stroke([(7, 12), (9, 12)])


@icon("cjm-channel-social-network-symbolic")
def social_network(i):
    i.stroke([(4, 8), (12, 3.5)])
    i.stroke([(4, 8), (12, 12.5)])
    i.dot(12, 3.5, 2.2)
    i.dot(4, 8, 2.2)
    i.dot(12, 12.5, 2.2)


@icon("cjm-channel-store-symbolic")
def store(i):
    awning = [(1.75, 6.25), (3, 2), (13, 2), (14.25, 6.25)]
    i.fill(awning)
    i.stroke(awning, closed=True)
    i.stroke([(3, 6.5), (3, 14.25), (13, 14.25), (13, 6.5)])
    i.fill([(6.5, 9.5), (9.5, 9.5), (9.5, 14.25), (6.5, 14.25)])


@icon("cjm-channel-call-centre-symbolic")
def call_centre(i):
    i.stroke(arc(8, 8.5, 5.75, math.pi, 2 * math.pi))
    i.fill(rounded(1.5, 8, 3.5, 5, 1.2))
    i.fill(rounded(11, 8, 3.5, 5, 1.2))
    i.stroke(bezier((12.75, 12.5), (12.75, 14.25), (11.5, 14.75), (9, 14.75)))


@icon("cjm-channel-email-symbolic")
def email(i):
    i.stroke(rounded(1.25, 3.25, 13.5, 9.5, 1.5), closed=True)
    i.stroke([(1.75, 4), (8, 9), (14.25, 4)])


@icon("cjm-channel-live-chat-symbolic")
def live_chat(i):
    i.stroke(rounded(1.25, 1.75, 13.5, 9.5, 2.5), closed=True)
    i.fill([(4, 11), (4, 14.75), (8, 11)])
    for x in (5, 8, 11):
        i.dot(x, 6.5, 1.1)


@icon("cjm-channel-event-symbolic")
def event(i):
    i.stroke(rounded(1.75, 2.75, 12.5, 11.5, 1.75), closed=True)
    i.stroke([(1.75, 6.5), (14.25, 6.5)])
    i.stroke([(5, 1), (5, 4)])
    i.stroke([(11, 1), (11, 4)])
    i.fill([(9, 9), (11.75, 9), (11.75, 11.75), (9, 11.75)])


@icon("cjm-channel-demo-symbolic")
def demo(i):
    i.stroke(rounded(1.25, 1.75, 13.5, 9.5, 1.25), closed=True)
    i.stroke([(8, 11.25), (8, 14.5)])
    i.stroke([(5, 14.5), (11, 14.5)])
    i.fill([(6.5, 4.25), (6.5, 8.75), (10.5, 6.5)])


@icon("cjm-channel-sales-call-symbolic")
def sales_call(i):
    outline = ([(4, 1.75), (6.25, 1.75), (7.5, 5.25), (5.75, 6.75)]
               + bezier((5.75, 6.75), (6.6, 8.6), (7.4, 9.4), (9.25, 10.25))
               + [(10.75, 8.5), (14.25, 9.75), (14.25, 12)]
               + bezier((14.25, 12), (14.25, 13.4), (13.1, 14.4), (11.75, 14.25))
               + bezier((11.75, 14.25), (6.4, 13.6), (2.4, 9.6), (1.75, 4.25))
               + bezier((1.75, 4.25), (1.6, 2.9), (2.6, 1.75), (4, 1.75)))
    i.fill(outline)


@icon("cjm-channel-custom-symbolic")
def custom_channel(i):
    # A tag: a channel the map names itself.
    tag = [(1.75, 2.75), (8.25, 2.75), (14.25, 8.75), (8.75, 14.25), (1.75, 7.25)]
    i.stroke(tag, closed=True)
    i.dot(5, 6, 1.25)


# Lane kinds

@icon("cjm-lane-channel-symbolic")
def lane_channel(i):
    i.stroke(circle(8, 8, 6), closed=True)
    i.dot(8, 8, 2.5)


@icon("cjm-lane-text-symbolic")
def lane_text(i):
    i.stroke([(2.5, 3.5), (13.5, 3.5)])
    i.stroke([(2.5, 8), (13.5, 8)])
    i.stroke([(2.5, 12.5), (9.5, 12.5)])


@icon("cjm-lane-emotion-symbolic")
def lane_emotion(i):
    i.stroke(circle(8, 8, 6.5), closed=True)
    i.dot(5.75, 6.25, 1.1)
    i.dot(10.25, 6.25, 1.1)
    i.stroke(bezier((4.75, 9.5), (6, 12), (10, 12), (11.25, 9.5)))


@icon("cjm-lane-pain-points-symbolic")
def lane_pain_points(i):
    i.fill([(9.5, 0.75), (2.75, 9.25), (7.25, 9.25), (6.25, 15.25), (13.25, 6.5), (8.75, 6.5)])


@icon("cjm-lane-opportunities-symbolic")
def lane_opportunities(i):
    bulb = arc(8, 6.25, 4.75, math.pi * 0.75, math.pi * 2.25) + [(10, 11.25), (6, 11.25)]
    i.stroke(bulb, closed=True)
    i.stroke([(6.25, 13.75), (9.75, 13.75)])


@icon("cjm-lane-metrics-symbolic")
def lane_metrics(i):
    for x, y, h in ((1.75, 9, 5.5), (6.5, 5.5, 9), (11.25, 1.5, 13)):
        i.fill([(x, y), (x + 3, y), (x + 3, y + h), (x, y + h)])


@icon("cjm-lane-backstage-symbolic")
def lane_backstage(i):
    for k in range(8):
        a = k * math.pi / 4
        i.shapes.append(LineString([(8 + 4.5 * math.cos(a), 8 + 4.5 * math.sin(a)),
                                    (8 + 7.25 * math.cos(a), 8 + 7.25 * math.sin(a))])
                        .buffer(1.125, cap_style=2))
    i.stroke(circle(8, 8, 3.75), closed=True, width=2.5)


# Text lanes

@icon("cjm-text-actions-symbolic")
def text_actions(i):
    i.fill([(3.5, 1.5), (3.5, 13.5), (6.5, 10.5), (9, 15), (11, 14), (8.75, 9.5), (13, 9.5)])


@icon("cjm-text-thoughts-symbolic")
def text_thoughts(i):
    i.stroke(ellipse(9, 6.25, 4.5 * 1.2, 4.5), closed=True)
    i.dot(3.75, 12.25, 1.5)
    i.dot(1.75, 14.75, 1)


@icon("cjm-text-quotes-symbolic")
def text_quotes(i):
    for k in range(2):
        x = 1.5 + k * 7
        i.dot(x + 2.75, 6.5, 2.5)
        i.stroke(bezier((x + 5.1, 6.5), (x + 5.1, 10), (x + 3.5, 12), (x + 1, 13)))


# Cards and map elements

@icon("cjm-card-touchpoint-symbolic")
def card_touchpoint(i):
    i.stroke(rounded(1.75, 3.25, 12.5, 9.5, 2), closed=True)
    i.dot(8, 8, 2.25)


@icon("cjm-card-note-symbolic")
def card_note(i):
    i.stroke([(2.25, 2.25), (13.75, 2.25), (13.75, 9.75), (9.75, 13.75), (2.25, 13.75)], closed=True)
    i.stroke([(13.5, 9.75), (9.75, 9.75), (9.75, 13.5)])


@icon("cjm-persona-symbolic")
def persona(i):
    i.dot(8, 4.5, 3.25)
    i.fill(arc(8, 15, 6.25, math.pi, 2 * math.pi) + [(14.25, 15), (1.75, 15)])


@icon("cjm-stage-symbolic")
def stage(i):
    i.fill(rounded(1, 1.5, 14, 3.5, 1))
    i.stroke(rounded(1.75, 7.25, 5.5, 7, 1), closed=True)
    i.stroke(rounded(8.75, 7.25, 5.5, 7, 1), closed=True)


@icon("cjm-step-symbolic")
def step(i):
    i.stroke(rounded(4.75, 1.75, 6.5, 12.5, 1.25), closed=True)
    i.stroke([(7, 5), (9, 5)])


@icon("cjm-connection-symbolic")
def connection(i):
    i.fill(rounded(1, 1, 5, 5, 1))
    i.stroke(rounded(10.75, 10.75, 4.5, 4.5, 1), closed=True)
    i.stroke(bezier((3.5, 7.5), (3.5, 12), (5, 13), (8.25, 13)))
    i.fill([(7.5, 10.25), (10.25, 13), (7.5, 15.75)])


# Pain-point categories

@icon("cjm-pain-financial-symbolic")
def pain_financial(i):
    i.stroke(circle(8, 8, 6.5), closed=True)
    # A euro sign.
    i.stroke(arc(9, 8, 3.25, math.pi * 0.3, math.pi * 1.7))
    i.stroke([(4.5, 7), (8.5, 7)])
    i.stroke([(4.5, 9), (8, 9)])


@icon("cjm-pain-productivity-symbolic")
def pain_productivity(i):
    i.stroke(circle(8, 8, 6.5), closed=True)
    i.stroke([(8, 4), (8, 8), (10.75, 9.75)])


@icon("cjm-pain-process-symbolic")
def pain_process(i):
    i.stroke(rounded(1.25, 1.25, 5, 4, 1), closed=True)
    i.stroke(rounded(9.75, 10.75, 5, 4, 1), closed=True)
    i.stroke([(6.25, 3.25), (10, 3.25)])
    i.stroke(arc(10, 6.25, 3, -math.pi / 2, math.pi / 2, 32) + [(6, 9.25)])
    i.stroke(arc(6, 10.5, 1.25, -math.pi / 2, -math.pi * 1.5, 16) + [(9.75, 11.75)])


@icon("cjm-pain-support-symbolic")
def pain_support(i):
    # A life buoy.
    ring = Point(8, 8).buffer(6.75, resolution=32).difference(Point(8, 8).buffer(3, resolution=32))
    i.shapes.append(ring)
    for a in (0.25, 0.75, 1.25, 1.75):
        angle = a * math.pi
        i.cut(LineString([(8 + 2 * math.cos(angle - 0.45), 8 + 2 * math.sin(angle - 0.45)),
                          (8 + 8 * math.cos(angle - 0.45), 8 + 8 * math.sin(angle - 0.45))])
              .buffer(0.5))
        i.cut(LineString([(8 + 2 * math.cos(angle + 0.45), 8 + 2 * math.sin(angle + 0.45)),
                          (8 + 8 * math.cos(angle + 0.45), 8 + 8 * math.sin(angle + 0.45))])
              .buffer(0.5))


def app_symbolic():
    i = Icon()
    curve = (bezier((1.25, 6.5), (3.5, 3), (5.5, 3), (6.5, 5.5))
             + bezier((6.5, 5.5), (7.75, 9), (9.5, 10.5), (11, 7))
             + bezier((11, 7), (12, 4.5), (13.5, 3.5), (14.75, 3.25)))
    i.stroke(curve)
    for x, y in ((4.3, 3.75), (8.7, 8.85)):
        i.dot(x, y, 1.6)
    columns = unary_union([Polygon(rounded(x, 2, 4, 13, 1)) for x in (1, 6, 11)])
    columns = columns.difference(LineString(curve).buffer(1.75, cap_style=1, join_style=1))
    for x, y in ((4.3, 3.75), (8.7, 8.85)):
        columns = columns.difference(Point(x, y).buffer(2.6))
    return i.svg(opacity_layers=[(columns, "0.35")])


def main():
    actions = os.path.join(HERE, "scalable", "actions")
    for name, draw in sorted(ICONS.items()):
        i = Icon()
        draw(i)
        with open(os.path.join(actions, name + ".svg"), "w") as out:
            out.write(i.svg())
    with open(os.path.join(HERE, "hicolor", "symbolic", "apps",
                           "org.example.JourneyMapper-symbolic.svg"), "w") as out:
        out.write(app_symbolic())


if __name__ == "__main__":
    main()
