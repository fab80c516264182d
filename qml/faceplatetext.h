#pragma once

#include "commands/commandstatus.h"
#include "security/loginresult.h"
#include "security/role.h"

#include <QCoreApplication>
#include <QStringList>

namespace vigil
{

// The faceplate's words in the UI language: command states, the framing of the command
// service's (English) messages, and why the controls are disabled.
class FaceplateText
{
    Q_DECLARE_TR_FUNCTIONS(vigil::FaceplateText)
public:
    static QString stateName(CommandStatus::State state); // "selected", … as QML compares them
    static QString stateText(CommandStatus::State state);
    static QString idleText();
    // The service's message framed by what happened ("Refused: LT101 < 10 % (dry-run…)").
    static QString message(const CommandStatus &status);

    static QString viewOnly();
    static QString notLoggedIn();
    static QString roleMayNot(Role role, bool discrete);
    static QString commLoss(const QString &reason);
    static QString interlocked(const QStringList &blocking);
    static QString interlockedValue(const QString &label, const QStringList &blocking);
    // An operate or confirmation the service refused; the command still waits.
    static QString notAccepted(const QString &message);
    static QString serviceUnavailable();

    static QString loginFailure(const LoginResult &result);
    static QString roleName(Role role);
};

} // namespace vigil
