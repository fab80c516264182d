import QtQuick
import QtQuick.Controls
import Vigil

// Below a journal list: what is shown (or why nothing is), and "Load more" for older entries.
Column {
    id: root
    required property JournalListModel model
    spacing: 8
    topPadding: 8
    bottomPadding: 8

    Text {
        objectName: "journalStatus"
        width: root.width - 16
        x: 8
        wrapMode: Text.WordWrap
        text: (root.model.errorText !== "" ? "▲ " : "") + root.model.statusText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontNormal
        font.bold: root.model.errorText !== ""
        color: root.model.errorText !== "" ? Theme.text : Theme.textMuted
    }
    FilterButton {
        objectName: "loadMore"
        x: 8
        visible: root.model.hasMore
        enabled: !root.model.busy
        text: qsTr("Load more")
        onClicked: root.model.loadMore()
    }
}
