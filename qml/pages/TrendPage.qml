import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Vigil

// Trends: several pens with units and colours, live (scrolling) or historical, zoom and pan with
// wheel, drag and pinch, jump to a time range, cursor read-out of every pen, alarm limits,
// bad-quality periods as gaps, and export of the shown range to CSV.
Rectangle {
    id: page
    required property TrendController trend
    required property HistoryStatus history
    color: Theme.background

    component ToolButton48: Button {
        property bool checkedLook: false
        implicitHeight: Theme.touchTarget
        implicitWidth: Math.max(Theme.touchTarget, contentItem.implicitWidth + 24)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontNormal
        font.bold: checkedLook
        background: Rectangle {
            color: parent.down ? Theme.selection : (parent.checkedLook ? Theme.raised : Theme.surface)
            border.color: parent.checkedLook ? Theme.text : Theme.border
            border.width: parent.checkedLook ? 2 : 1
            radius: 2
        }
    }

    readonly property var spans: [
        { text: "10 min", ms: 600000 }, { text: "1 h", ms: 3600000 },
        { text: "8 h", ms: 28800000 }, { text: "24 h", ms: 86400000 },
        { text: "7 d", ms: 604800000 }, { text: "30 d", ms: 2592000000 },
        { text: "1 y", ms: 31536000000 }
    ]

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Text {
                text: qsTr("Trends")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            Rectangle {
                objectName: "trendMode"
                Layout.preferredHeight: 32
                Layout.preferredWidth: modeText.implicitWidth + 20
                color: page.trend.live ? Theme.raised : "transparent"
                border.color: Theme.text
                border.width: page.trend.live ? 2 : 1
                radius: 2
                Text {
                    id: modeText
                    anchors.centerIn: parent
                    text: page.trend.live ? "● " + qsTr("LIVE") : "❚❚ " + qsTr("HISTORICAL")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: Theme.text
                }
            }
            Text {
                objectName: "trendRange"
                Layout.fillWidth: true
                text: page.trend.rangeText + "  (" + page.trend.spanText + ")"
                elide: Text.ElideRight
                font.family: Theme.monoFamily
                font.pixelSize: Theme.fontNormal
                color: Theme.text
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            ToolButton48 {
                objectName: "trendBack"
                text: "◀"
                onClicked: page.trend.pan(-0.5)
            }
            ToolButton48 {
                objectName: "trendForward"
                text: "▶"
                enabled: !page.trend.live
                onClicked: page.trend.pan(0.5)
            }
            Repeater {
                model: page.spans
                ToolButton48 {
                    required property var modelData
                    text: modelData.text
                    checkedLook: Math.abs(page.trend.spanMs - modelData.ms) < 1000
                    onClicked: page.trend.setSpan(modelData.ms)
                }
            }
            Item { Layout.fillWidth: true }
            ToolButton48 {
                objectName: "trendGoTo"
                text: qsTr("Go to…")
                onClicked: goTo.open()
            }
            ToolButton48 {
                objectName: "trendLive"
                text: qsTr("Live")
                checkedLook: page.trend.live
                onClicked: page.trend.goLive()
            }
        }

        Rectangle {
            objectName: "historyDegraded"
            visible: page.history.degraded
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            color: Theme.surface
            border.color: Theme.diagnostic
            border.width: 3
            radius: 2
            Text {
                anchors.fill: parent
                anchors.leftMargin: 12
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
                text: "▲ " + qsTr("History is not being recorded: %1 — %L2 samples dropped")
                          .arg(page.history.reason).arg(page.history.droppedSamples)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontNormal
                font.bold: true
                color: Theme.text
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border

                ChartView {
                    id: chart
                    objectName: "trendChart"
                    anchors.fill: parent
                    anchors.margins: 1
                    antialiasing: true
                    legend.visible: false
                    backgroundColor: Theme.surface
                    backgroundRoundness: 0
                    plotAreaColor: Theme.plotArea
                    animationOptions: ChartView.NoAnimation
                    margins { left: 4; right: 12; top: 8; bottom: 4 }

                    DateTimeAxis {
                        id: timeAxis
                        min: page.trend.fromTime
                        max: page.trend.toTime
                        format: page.trend.timeFormat
                        tickCount: 7
                        labelsColor: Theme.text
                        labelsFont.family: Theme.fontFamily
                        labelsFont.pixelSize: Theme.fontSmall
                        gridLineColor: Theme.divider
                        lineVisible: true
                        color: Theme.border
                    }
                    onPlotAreaChanged: page.trend.setPlotWidth(Math.round(chart.plotArea.width))
                    Component.onCompleted: {
                        page.trend.setPalette(Theme.penColors, {
                            "critical": Theme.alarmCritical, "high": Theme.alarmHigh,
                            "medium": Theme.alarmMedium, "low": Theme.alarmLow })
                        page.trend.attachChart(chart, timeAxis)
                    }
                }

                // Zoom, pan and cursor over the plot area (mouse and touch).
                Item {
                    id: plot
                    objectName: "trendPlot"
                    x: chart.x + chart.plotArea.x
                    y: chart.y + chart.plotArea.y
                    width: chart.plotArea.width
                    height: chart.plotArea.height

                    Rectangle {
                        visible: page.trend.cursorActive
                        x: Math.round(page.trend.cursorFraction * plot.width)
                        width: 1
                        height: plot.height
                        color: Theme.text
                    }
                    Rectangle {
                        visible: page.trend.cursorActive
                        x: Math.min(Math.max(0, page.trend.cursorFraction * plot.width - width / 2),
                                    plot.width - width)
                        y: 2
                        width: cursorLabel.implicitWidth + 12
                        height: cursorLabel.implicitHeight + 6
                        color: Theme.raised
                        border.color: Theme.text
                        radius: 2
                        Text {
                            id: cursorLabel
                            anchors.centerIn: parent
                            text: page.trend.cursorText
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.text
                        }
                    }
                    HoverHandler {
                        id: hover
                        acceptedDevices: PointerDevice.Mouse
                        onPointChanged: if (hovered && plot.width > 0)
                                            page.trend.setCursor(point.position.x / plot.width)
                        onHoveredChanged: if (!hovered) page.trend.clearCursor()
                    }
                    TapHandler {
                        acceptedDevices: PointerDevice.TouchScreen | PointerDevice.Stylus
                        onTapped: (eventPoint) => page.trend.setCursor(eventPoint.position.x / plot.width)
                    }
                    DragHandler {
                        id: drag
                        target: null
                        property real lastX: 0
                        onActiveChanged: lastX = 0
                        onTranslationChanged: {
                            if (plot.width > 0)
                                page.trend.pan(-(translation.x - lastX) / plot.width)
                            lastX = translation.x
                        }
                    }
                    PinchHandler {
                        target: null
                        property real lastScale: 1
                        onActiveChanged: lastScale = 1
                        onScaleChanged: {
                            if (scale > 0 && plot.width > 0)
                                page.trend.zoom(lastScale / scale, centroid.position.x / plot.width)
                            lastScale = scale
                        }
                    }
                    WheelHandler {
                        onWheel: (event) => page.trend.zoom(event.angleDelta.y > 0 ? 0.8 : 1.25,
                                                            point.position.x / plot.width)
                    }
                }

                Text {
                    anchors.centerIn: parent
                    visible: page.trend.pens.count === 0
                    text: qsTr("Add a pen to show its trend")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    color: Theme.textMuted
                }
            }

            ColumnLayout {
                Layout.preferredWidth: 320
                Layout.maximumWidth: 320
                Layout.fillWidth: false
                Layout.fillHeight: true
                spacing: 6
                Text {
                    text: page.trend.cursorActive ? qsTr("Values at %1").arg(page.trend.cursorText)
                                                  : qsTr("Latest values")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: Theme.textMuted
                }
                ListView {
                    objectName: "trendLegend"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: 6
                    clip: true
                    model: page.trend.pens
                    delegate: TrendLegendRow {
                        width: ListView.view.width
                        onFocusRequested: page.trend.focusPen(index)
                        onVisibilityToggled: page.trend.togglePen(index)
                        onRemoveRequested: page.trend.removePen(index)
                    }
                }
                ComboBox {
                    id: addPen
                    objectName: "addPen"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    model: page.trend.tagChoices
                    textRole: "text"
                    valueRole: "id"
                    displayText: qsTr("Add pen…")
                    font.pixelSize: Theme.fontNormal
                    enabled: page.trend.pens.count < 8
                    onActivated: (i) => page.trend.addPen(valueAt(i))
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 6
                    ComboBox {
                        id: exportProfile
                        objectName: "trendExportProfile"
                        Layout.preferredWidth: 150
                        Layout.preferredHeight: Theme.touchTarget
                        model: [qsTr("Spreadsheet"), qsTr("Machine")]
                        font.pixelSize: Theme.fontNormal
                        enabled: page.trend.exportRefusal === ""
                        Accessible.description: page.trend.exportRefusal
                    }
                    ToolButton48 {
                        objectName: "trendExport"
                        Layout.fillWidth: true
                        text: page.trend.exporting ? qsTr("Cancel export") : qsTr("Export CSV")
                        // A running export can always be cancelled, even after a logout.
                        enabled: page.trend.exporting || page.trend.exportRefusal === ""
                        Accessible.description: page.trend.exportRefusal
                        onClicked: page.trend.exporting
                                   ? page.trend.cancelExport()
                                   : page.trend.exportShown(exportProfile.currentIndex === 0
                                                            ? "spreadsheet" : "machine")
                    }
                }
                Text {
                    // Says why the export is disabled for this session.
                    objectName: "trendExportRefusal"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: page.trend.exportRefusal
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    color: Theme.text
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            Text {
                text: page.history.stateText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                font.bold: page.history.degraded
                color: Theme.text
            }
            Text {
                objectName: "trendStatus"
                Layout.fillWidth: true
                text: (page.trend.busy ? "⟳ " : "") + page.trend.statusText
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            ProgressBar {
                visible: page.trend.exporting
                Layout.preferredWidth: 160
                value: page.trend.exportProgress
            }
            Text {
                objectName: "trendExportText"
                Layout.maximumWidth: 520
                text: page.trend.exportText
                elide: Text.ElideMiddle
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }
    }

    GoToRangeDialog {
        id: goTo
        onRangeRequested: (from, to) => {
            if (page.trend.showRange(from, to))
                goTo.close()
            else
                goTo.showError(qsTr("Cannot read this range"))
        }
    }
}
