import QtQuick
import QtQuick.Layouts
import Vigil

// Digits for entering a setpoint on a touch panel. The display shows the entry and the limits;
// a key that would take the entry past what the limits can hold is refused (the limits flash),
// and Enter stays disabled while the entry is outside them.
ColumnLayout {
    id: keypad
    property real minimum: 0
    property real maximum: 100
    property int decimals: 1
    property string unit: ""
    property string entry: ""
    property string acceptText: qsTr("Enter")
    readonly property real value: entry === "" || entry === "-" ? NaN : Number(entry)
    readonly property bool valid: !isNaN(value) && value >= minimum && value <= maximum
    signal accepted(real value)

    spacing: 6

    function setValue(v) {
        entry = Number(v).toFixed(Math.max(0, decimals))
    }
    function press(key) {
        let next = entry
        if (key === "⌫")
            next = entry.slice(0, -1)
        else if (key === "C")
            next = ""
        else if (key === "±")
            next = entry.startsWith("-") ? entry.slice(1) : "-" + entry
        else if (key === ".")
            next = decimals > 0 && entry.indexOf(".") < 0 ? (entry === "" || entry === "-" ? entry + "0." : entry + ".") : entry
        else
            next = (entry === "0" ? "" : entry === "-0" ? "-" : entry) + key
        if (!acceptable(next)) {
            refused.restart()
            return
        }
        entry = next
    }
    // An entry is refused when no further key can bring it back within the limits: more decimals
    // than the tag has, a magnitude beyond both limits, or a sign the limits do not allow.
    function acceptable(text) {
        if (text === "" || text === "-")
            return text === "" || minimum < 0
        const dot = text.indexOf(".")
        if (dot >= 0 && text.length - dot - 1 > decimals)
            return false
        const v = Number(text)
        if (isNaN(v))
            return false
        if (v < 0 && minimum >= 0)
            return false
        return v >= 0 ? v <= Math.max(maximum, 0) : v >= Math.min(minimum, 0)
    }

    Rectangle {
        Layout.fillWidth: true
        Layout.preferredHeight: 64
        color: Theme.raised
        border.color: keypad.entry !== "" && !keypad.valid ? Theme.text : Theme.border
        border.width: keypad.entry !== "" && !keypad.valid ? 2 : 1
        radius: 2
        Text {
            objectName: "keypadEntry"
            anchors.fill: parent
            anchors.margins: 10
            horizontalAlignment: Text.AlignRight
            verticalAlignment: Text.AlignVCenter
            text: (keypad.entry === "" ? "—" : keypad.entry) + (keypad.unit !== "" ? " " + keypad.unit : "")
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
    }
    Text {
        objectName: "keypadLimits"
        Layout.fillWidth: true
        text: qsTr("Limits: %1 … %2 %3").arg(Number(keypad.minimum).toFixed(keypad.decimals))
                                         .arg(Number(keypad.maximum).toFixed(keypad.decimals))
                                         .arg(keypad.unit)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: refused.running
        color: Theme.text
        SequentialAnimation {
            id: refused
            // A refused key is answered by the limits blinking: the reason is what they say.
            loops: 2
            PropertyAnimation { target: refusedMark; property: "visible"; to: true; duration: 0 }
            PauseAnimation { duration: 200 }
            PropertyAnimation { target: refusedMark; property: "visible"; to: false; duration: 0 }
            PauseAnimation { duration: 150 }
        }
        Text {
            id: refusedMark
            visible: false
            anchors.right: parent.right
            text: qsTr("outside the limits")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.text
        }
    }
    GridLayout {
        Layout.fillWidth: true
        columns: 4
        rowSpacing: 6
        columnSpacing: 6
        Repeater {
            model: ["7", "8", "9", "⌫", "4", "5", "6", "C", "1", "2", "3", "±", "0", "."]
            ActionButton {
                required property string modelData
                objectName: "key_" + modelData
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.touchTarget + 8
                Layout.preferredHeight: Theme.touchTarget + 4
                enabled: keypad.enabled && (modelData !== "." || keypad.decimals > 0)
                         && (modelData !== "±" || keypad.minimum < 0)
                text: modelData
                font.pixelSize: Theme.fontLarge
                onClicked: keypad.press(modelData)
            }
        }
        ActionButton {
            objectName: "keyEnter"
            Layout.fillWidth: true
            Layout.columnSpan: 2
            Layout.preferredHeight: Theme.touchTarget + 4
            emphasised: true
            enabled: keypad.enabled && keypad.valid
            text: keypad.acceptText
            onClicked: keypad.accepted(keypad.value)
        }
    }
}
