import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil

// Every tag with value, unit, bar, quality and time: sortable, filterable, live.
Rectangle {
    id: page
    required property TagFilterModel tags
    // A row was tapped: open its faceplate (writable tags get controls, the others show values).
    signal tagOpened(string tagId)
    color: Theme.background

    // Column widths shared by header and rows.
    readonly property int wTag: 150
    readonly property int wValue: 130
    readonly property int wUnit: 80
    readonly property int wBar: 180
    readonly property int wQuality: 90
    readonly property int wTime: 170
    readonly property int wDescription: Math.max(160, list.width - wTag - wValue - wUnit - wBar - wQuality - wTime - 16)

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Text {
                text: qsTr("Tags")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            TextField {
                id: filter
                objectName: "tagFilter"
                Layout.preferredWidth: 360
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: qsTr("Filter by tag, description, device or unit")
                font.pixelSize: Theme.fontNormal
                inputMethodHints: Qt.ImhNoPredictiveText
                text: page.tags.filterText
                onTextEdited: page.tags.filterText = text
            }
            Item { Layout.fillWidth: true }
            Text {
                objectName: "tagCount"
                text: qsTr("%1 of %2 tags").arg(page.tags.count).arg(page.tags.totalCount)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                color: Theme.textMuted
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border

            Row {
                id: header
                x: 1
                y: 1
                width: parent.width - 2
                height: Theme.touchTarget
                SortHeader { width: page.wTag; title: qsTr("Tag"); key: "tagId"; currentKey: page.tags.sortKey; ascending: page.tags.ascending; onSortRequested: (k) => page.tags.sortBy(k) }
                SortHeader { width: page.wDescription; title: qsTr("Description"); key: "description"; currentKey: page.tags.sortKey; ascending: page.tags.ascending; onSortRequested: (k) => page.tags.sortBy(k) }
                SortHeader { width: page.wValue; title: qsTr("Value"); key: "value"; alignment: Text.AlignRight; currentKey: page.tags.sortKey; ascending: page.tags.ascending; onSortRequested: (k) => page.tags.sortBy(k) }
                SortHeader { width: page.wUnit; title: qsTr("Unit"); key: "unit"; currentKey: page.tags.sortKey; ascending: page.tags.ascending; onSortRequested: (k) => page.tags.sortBy(k) }
                SortHeader { width: page.wBar; title: qsTr("Range"); key: "value"; currentKey: ""; onSortRequested: (k) => page.tags.sortBy(k) }
                SortHeader { width: page.wQuality; title: qsTr("Quality"); key: "quality"; currentKey: page.tags.sortKey; ascending: page.tags.ascending; onSortRequested: (k) => page.tags.sortBy(k) }
                SortHeader { width: page.wTime; title: qsTr("Updated"); key: "time"; currentKey: page.tags.sortKey; ascending: page.tags.ascending; onSortRequested: (k) => page.tags.sortBy(k) }
            }
            Rectangle {
                anchors.top: header.bottom
                width: parent.width
                height: 1
                color: Theme.border
            }

            ListView {
                id: list
                objectName: "tagList"
                anchors.fill: parent
                anchors.topMargin: header.height + 2
                anchors.margins: 1
                clip: true
                reuseItems: true
                boundsBehavior: Flickable.StopAtBounds
                model: page.tags
                ScrollBar.vertical: ScrollBar { minimumSize: 0.05; width: 16; policy: ScrollBar.AlwaysOn }

                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string tagId
                    required property string description
                    required property string valueText
                    required property string unit
                    required property bool isNumeric
                    required property real fraction
                    required property real loLimitFraction
                    required property real hiLimitFraction
                    required property string qualityMark
                    required property string qualityName
                    required property bool isUncertain
                    required property bool isBad
                    required property string timeText
                    required property bool writable

                    width: ListView.view.width - 16
                    height: Theme.rowHeight
                    color: rowTap.pressed ? Theme.selection : index % 2 === 0 ? Theme.surface : Theme.surfaceAlt

                    MouseArea {
                        id: rowTap
                        objectName: "tagRow_" + row.tagId
                        anchors.fill: parent
                        onClicked: page.tagOpened(row.tagId)
                    }

                    Row {
                        anchors.fill: parent
                        Item {
                            width: page.wTag; height: parent.height
                            Text {
                                anchors.fill: parent
                                anchors.rightMargin: row.writable ? 22 : 0
                                leftPadding: 8
                                verticalAlignment: Text.AlignVCenter
                                text: row.tagId
                                elide: Text.ElideRight
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.fontNormal
                                font.bold: true
                                color: Theme.text
                            }
                            Text {
                                // Writable tags carry a mark: their faceplate has controls.
                                visible: row.writable
                                anchors.right: parent.right
                                anchors.rightMargin: 4
                                anchors.verticalCenter: parent.verticalCenter
                                text: "⚙"
                                font.pixelSize: Theme.fontNormal
                                color: Theme.textMuted
                            }
                        }
                        Text {
                            width: page.wDescription; height: parent.height
                            leftPadding: 8
                            verticalAlignment: Text.AlignVCenter
                            text: row.description
                            elide: Text.ElideRight
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontNormal
                            color: Theme.text
                        }
                        Text {
                            objectName: "value_" + row.tagId
                            width: page.wValue; height: parent.height
                            rightPadding: 8
                            verticalAlignment: Text.AlignVCenter
                            horizontalAlignment: Text.AlignRight
                            text: row.valueText + (row.isUncertain ? " ?" : "")
                            elide: Text.ElideLeft
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontLarge
                            font.bold: !row.isBad
                            font.strikeout: false
                            color: row.isBad ? Theme.textDisabled : Theme.text
                        }
                        Text {
                            width: page.wUnit; height: parent.height
                            leftPadding: 8
                            verticalAlignment: Text.AlignVCenter
                            text: row.unit
                            elide: Text.ElideRight
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontNormal
                            color: row.isBad ? Theme.textDisabled : Theme.textMuted
                        }
                        Item {
                            width: page.wBar; height: parent.height
                            AnalogBar {
                                visible: row.isNumeric
                                anchors.verticalCenter: parent.verticalCenter
                                x: 8
                                width: parent.width - 16
                                fraction: row.fraction
                                loFraction: row.loLimitFraction
                                hiFraction: row.hiLimitFraction
                                uncertain: row.isUncertain
                                bad: row.isBad
                            }
                        }
                        Item {
                            width: page.wQuality; height: parent.height
                            QualityBadge {
                                anchors.verticalCenter: parent.verticalCenter
                                x: 8
                                mark: row.qualityMark
                                uncertain: row.isUncertain
                                bad: row.isBad
                            }
                            Text {
                                visible: row.qualityMark === ""
                                anchors.verticalCenter: parent.verticalCenter
                                x: 8
                                text: qsTr("Good")
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textMuted
                            }
                        }
                        Text {
                            width: page.wTime; height: parent.height
                            leftPadding: 8
                            verticalAlignment: Text.AlignVCenter
                            text: row.timeText
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                    }
                }
            }
        }
    }
}
