pragma Singleton
import QtQuick

// The one palette (ISA-101 high-performance HMI): neutral greys for everything normal; colour is
// reserved for abnormal states, and the alarm colours below appear nowhere else.
QtObject {
    // Surfaces
    readonly property color background: "#d6d6d6"
    readonly property color surface: "#e4e4e4"
    readonly property color surfaceAlt: "#dcdcdc"
    readonly property color raised: "#ebebeb"
    readonly property color bar: "#bdbdbd"        // top bar and navigation
    readonly property color border: "#a3a3a3"
    readonly property color divider: "#c4c4c4"
    readonly property color selection: "#c8c8c8"

    // Text
    readonly property color text: "#1c1c1c"
    readonly property color textMuted: "#5a5a5a"
    readonly property color textDisabled: "#8c8c8c" // bad-quality values are greyed

    // Process graphics
    readonly property color equipment: "#8f8f8f"
    readonly property color valueFill: "#4d4d4d"  // analog bar fill
    readonly property color normalBand: "#c9c9c9" // shaded normal operating band
    readonly property color limitTick: "#1c1c1c"
    readonly property color hatch: "#7a7a7a"      // uncertain/stale hatching

    // Alarm priorities (only for alarms)
    readonly property color alarmCritical: "#e4002b"
    readonly property color alarmHigh: "#ff8200"
    readonly property color alarmMedium: "#ffd100"
    readonly property color alarmLow: "#00b2e3"
    readonly property color diagnostic: "#b620e0"

    // Trend pens: dark, distinguishable hues that are none of the alarm colours above.
    readonly property var penColors: ["#1f4e9c", "#2e7d32", "#6a3d9a", "#8c4a1e",
                                      "#1c1c1c", "#00695c", "#7b6b00", "#4a5a6a"]
    readonly property color plotArea: "#efefef"

    // Sizes: touch targets of at least 48 px
    readonly property int touchTarget: 48
    readonly property int rowHeight: 48
    readonly property int spacing: 8
    readonly property int topBarHeight: 64
    readonly property int navWidth: 112

    // Type
    readonly property string fontFamily: "DejaVu Sans"
    readonly property string monoFamily: "DejaVu Sans Mono"
    readonly property int fontSmall: 13
    readonly property int fontNormal: 15
    readonly property int fontLarge: 18
    readonly property int fontTitle: 22
}
