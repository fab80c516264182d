import QtQuick
import Vigil

// Silences the alarm sound without acknowledging anything (ISA-18.2: silence is separate from
// acknowledge). Disabled, saying why, while nothing sounds; when alarms cannot be heard at all
// (no audio output) it says so in the diagnostic style, whether or not an alarm is due.
Rectangle {
    id: root
    required property AlarmSound sound
    // Silencing goes through the operations (permission and audit) when they are given.
    property AlarmOperations operations: null
    readonly property string refusal: operations ? operations.silenceRefusal : ""
    readonly property bool hasProblem: sound.problem !== ""

    enabled: sound.sounding && refusal === ""
    implicitHeight: Theme.touchTarget
    implicitWidth: 200
    color: !enabled ? "transparent" : tap.pressed ? Theme.selection : Theme.raised
    border.color: hasProblem ? Theme.diagnostic : enabled ? Theme.text : Theme.border
    border.width: hasProblem ? 3 : enabled ? 2 : 1
    radius: 2
    Accessible.role: Accessible.Button
    Accessible.name: label.text
    Accessible.description: status.text

    // A speaker: with sound waves while sounding, crossed out once silenced.
    Canvas {
        id: icon
        readonly property color ink: root.enabled ? Theme.text : Theme.textDisabled
        readonly property int mode: root.sound.sounding ? 1 : root.sound.silenced ? 2 : 0
        anchors.left: parent.left
        anchors.leftMargin: 8
        anchors.verticalCenter: parent.verticalCenter
        width: 28
        height: 28
        onInkChanged: requestPaint()
        onModeChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d");
            ctx.reset();
            ctx.fillStyle = ink;
            ctx.strokeStyle = ink;
            ctx.lineWidth = 2;
            ctx.beginPath();
            ctx.moveTo(2, 10);
            ctx.lineTo(8, 10);
            ctx.lineTo(15, 4);
            ctx.lineTo(15, 24);
            ctx.lineTo(8, 18);
            ctx.lineTo(2, 18);
            ctx.closePath();
            ctx.fill();
            if (mode === 1) {
                for (const r of [5, 10]) {
                    ctx.beginPath();
                    ctx.arc(15, 14, r, -Math.PI / 4, Math.PI / 4);
                    ctx.stroke();
                }
            } else if (mode === 2) {
                ctx.beginPath();
                ctx.moveTo(19, 9);
                ctx.lineTo(27, 19);
                ctx.moveTo(27, 9);
                ctx.lineTo(19, 19);
                ctx.stroke();
            }
        }
    }

    Column {
        anchors.left: icon.right
        anchors.leftMargin: 8
        anchors.right: parent.right
        anchors.rightMargin: 6
        anchors.verticalCenter: parent.verticalCenter
        spacing: -2
        Text {
            id: label
            objectName: "silenceLabel"
            text: qsTr("Silence")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontNormal
            font.bold: root.enabled
            color: root.enabled ? Theme.text : Theme.textDisabled
        }
        Text {
            id: status
            objectName: "silenceStatus"
            width: parent.width
            text: root.hasProblem ? "▲ " + root.sound.problem
                                  : root.sound.sounding && root.refusal !== "" ? root.refusal
                                                                               : root.sound.statusText
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            lineHeight: 0.9
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: root.hasProblem
            color: root.hasProblem ? Theme.text : Theme.textMuted
        }
    }

    TapHandler {
        id: tap
        onTapped: root.operations ? root.operations.silence(root.sound) : root.sound.silence()
    }
}
