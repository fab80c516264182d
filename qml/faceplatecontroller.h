#pragma once

#include "commands/commandpermissives.h"
#include "commands/commandstatus.h"
#include "faceplatepermit.h"
#include "faceplatetag.h"
#include "faceplatetravel.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <QVariant>

#include <memory>
#include <optional>

namespace vigil
{

class Clock;
class CommandService;
class SecurityService;
class Session;
class TagDirectory;
class TagListModel;

// The one open faceplate: what the operator sees of a tag and the command they are making. It
// never decides whether a command is allowed: the CommandService (core thread) does, and this
// adapter only mirrors its answers (CommandStatus, CommandPermissives) and the session, so that
// the controls can be disabled with the reason before anyone tries.
class FaceplateController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("FaceplateController is created by the application")
    Q_PROPERTY(bool open READ isOpen NOTIFY openChanged)
    // The tag (constant while open)
    Q_PROPERTY(QString tagId READ tagId NOTIFY tagChanged)
    Q_PROPERTY(QString description READ description NOTIFY tagChanged)
    Q_PROPERTY(QString unit READ unit NOTIFY tagChanged)
    Q_PROPERTY(QString kind READ kind NOTIFY tagChanged) // "analog" | "discrete"
    Q_PROPERTY(bool writable READ writable NOTIFY tagChanged)
    Q_PROPERTY(bool critical READ critical NOTIFY tagChanged)
    Q_PROPERTY(double writeMin READ writeMin NOTIFY tagChanged)
    Q_PROPERTY(double writeMax READ writeMax NOTIFY tagChanged)
    Q_PROPERTY(int decimals READ decimals NOTIFY tagChanged)
    Q_PROPERTY(QString offLabel READ offLabel NOTIFY tagChanged)
    Q_PROPERTY(QString onLabel READ onLabel NOTIFY tagChanged)
    Q_PROPERTY(QString feedbackTag READ feedbackTag NOTIFY tagChanged)
    // Live values
    Q_PROPERTY(QString currentText READ currentText NOTIFY valuesChanged)
    Q_PROPERTY(double currentValue READ currentValue NOTIFY valuesChanged)
    Q_PROPERTY(QString feedbackText READ feedbackText NOTIFY valuesChanged)
    Q_PROPERTY(bool feedbackState READ feedbackState NOTIFY valuesChanged)
    Q_PROPERTY(bool traveling READ traveling NOTIFY valuesChanged)
    // Discrete: the state the device was last sent to, shown while it travels there.
    Q_PROPERTY(bool travelTargetState READ travelTargetState NOTIFY valuesChanged)
    // The command in progress
    Q_PROPERTY(QString state READ state NOTIFY commandChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY commandChanged)
    Q_PROPERTY(QString message READ message NOTIFY commandChanged)
    Q_PROPERTY(QString targetText READ targetText NOTIFY commandChanged)
    Q_PROPERTY(bool targetState READ targetState NOTIFY commandChanged)
    Q_PROPERTY(QString confirmer READ confirmer NOTIFY commandChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    Q_PROPERTY(bool confirmBusy READ confirmBusy NOTIFY confirmChanged)
    Q_PROPERTY(QString confirmError READ confirmError NOTIFY confirmChanged)
    // May this user command this tag now, and if not, why
    Q_PROPERTY(bool canCommand READ canCommand NOTIFY permissivesChanged)
    Q_PROPERTY(QString disabledReason READ disabledReason NOTIFY permissivesChanged)
    // Discrete: each state on its own, since an interlock may block a start but never a stop.
    Q_PROPERTY(bool offAllowed READ offAllowed NOTIFY permissivesChanged)
    Q_PROPERTY(bool onAllowed READ onAllowed NOTIFY permissivesChanged)
    // May the controls select now: allowed, and not while a second user is asked for the
    // command. A command being sent or verified does not hold them: the opposite state (or a
    // new setpoint) may be selected at once and supersedes it, so a stop never waits behind
    // a start; only the state already on its way is not offered again.
    Q_PROPERTY(bool offSelectable READ offSelectable NOTIFY controlsChanged)
    Q_PROPERTY(bool onSelectable READ onSelectable NOTIFY controlsChanged)
    Q_PROPERTY(bool targetSelectable READ targetSelectable NOTIFY controlsChanged)
public:
    FaceplateController(std::shared_ptr<const TagDirectory> tags, CommandService *commands,
                        Session *session, SecurityService *security, TagListModel *values,
                        const Clock &clock, QObject *parent = nullptr);
    ~FaceplateController() override;

    bool isOpen() const { return m_tag.has_value(); }
    QString tagId() const { return m_tag ? m_tag->definition().id : QString(); }
    QString description() const { return m_tag ? m_tag->definition().description : QString(); }
    QString unit() const { return m_tag ? m_tag->definition().unit : QString(); }
    QString kind() const;
    bool writable() const;
    bool critical() const { return m_tag && m_tag->definition().command.critical; }
    double writeMin() const { return m_tag ? m_tag->definition().writeMin : 0.0; }
    double writeMax() const { return m_tag ? m_tag->definition().writeMax : 0.0; }
    int decimals() const { return m_tag ? m_tag->definition().displayDecimals() : 0; }
    QString offLabel() const { return m_tag ? m_tag->label(false) : QString(); }
    QString onLabel() const { return m_tag ? m_tag->label(true) : QString(); }
    QString feedbackTag() const { return m_permissives.feedbackTag; }
    QString currentText() const;
    double currentValue() const;
    QString feedbackText() const;
    bool feedbackState() const;
    bool traveling() const;
    bool travelTargetState() const { return m_travel.target(); }
    QString state() const;
    QString stateText() const;
    QString message() const;
    QString targetText() const;
    bool targetState() const { return m_status && m_status->target.toBool(); }
    QString confirmer() const { return m_status ? m_status->confirmer : QString(); }
    int secondsLeft() const { return m_secondsLeft; }
    bool confirmBusy() const { return m_confirmBusy; }
    QString confirmError() const { return m_confirmError; }
    bool canCommand() const;
    QString disabledReason() const;
    bool offAllowed() const { return m_tag && m_permit.allowed(false); }
    bool onAllowed() const { return m_tag && m_permit.allowed(true); }
    bool offSelectable() const { return selectable(false); }
    bool onSelectable() const { return selectable(true); }
    bool targetSelectable() const { return selectable(QVariant()); }

    // Opens the faceplate of a tag by id (a tag row, later a mimic symbol); false if unknown.
    Q_INVOKABLE bool openTag(const QString &tagId);
    // Closes it; a command still waiting for its operate or confirmation is cancelled.
    Q_INVOKABLE void close();
    // Selects the command to `value` (analog: a number, discrete: true/false).
    Q_INVOKABLE void select(const QVariant &value);
    // The operator's confirmation of the selected command (slide-to-confirm).
    Q_INVOKABLE void operate();
    // A second, different user confirms a command to a critical tag.
    Q_INVOKABLE void confirmSecondUser(const QString &name, const QString &password);
    Q_INVOKABLE void cancel();
    // True if the number is within the tag's write limits.
    Q_INVOKABLE bool withinLimits(double value) const;

signals:
    void openChanged();
    void tagChanged();
    void valuesChanged();
    void commandChanged();
    void secondsLeftChanged();
    void confirmChanged();
    void permissivesChanged();
    void controlsChanged(); // with commandChanged and permissivesChanged

private slots:
    void onCommandUpdated(const vigil::CommandStatus &status);

private:
    bool pending() const; // a command waits for this panel's operate or second user
    // Whether select(value) would be taken now; analog tags ignore the value.
    bool selectable(const QVariant &value) const;
    void refresh(); // permissives, reason, countdown (every 500 ms while open)
    void updateDisabledReason();
    void updateSecondsLeft();
    void setConfirm(bool busy, const QString &error);
    void resetCommand();
    void onValuesChanged(int firstRow, int lastRow);

    std::shared_ptr<const TagDirectory> m_tags;
    QPointer<CommandService> m_commands;
    QPointer<Session> m_session;
    QPointer<SecurityService> m_security;
    TagListModel *m_values;
    const Clock &m_clock;
    QTimer m_refresh;
    std::optional<FaceplateTag> m_tag;
    CommandPermissives m_permissives;
    std::optional<CommandStatus> m_status; // the latest status of this faceplate's command
    FaceplateTravel m_travel;
    quint64 m_commandId = 0;
    FaceplatePermit m_permit;
    QString m_attemptRefusal; // an operate or confirmation the service did not accept
    int m_secondsLeft = 0;
    bool m_confirmBusy = false;
    QString m_confirmError;
};

} // namespace vigil
