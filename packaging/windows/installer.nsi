; Windows installer for Torch Playground (NSIS 3, Modern UI 2).
;
;   makensis /DVERSION=0.1.0 /DBUNDLE=C:\path\dist\torch-playground ^
;            /DICON=C:\path\work\torch-playground\icons\app.ico ^
;            /DOUTFILE=C:\path\TorchPlayground-0.1.0-windows-x64-setup.exe packaging\windows\installer.nsi
;
; Installs for the current user only (no administrator rights) into
; %LOCALAPPDATA%\Programs\Torch Playground, adds a Start-menu entry, opens
; .playground files with the app, and registers an uninstaller under
; Settings > Apps. "setup.exe /S" installs silently ("/D=FOLDER", last, picks the folder).
; Optional: put Microsoft's vc_redist.x64.exe next to this script before building;
; it is then carried and offered when the Visual C++ runtime PyTorch needs is missing.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef BUNDLE
  !error "Pass /DBUNDLE=<the PyInstaller folder dist\torch-playground>"
!endif
!ifndef OUTFILE
  !define OUTFILE "TorchPlayground-${VERSION}-windows-x64-setup.exe"
!endif

!define APP "Torch Playground"
!define GUI_EXE "TorchPlayground.exe"
!define CLI_EXE "playground.exe"
!define PROG_ID "TorchPlayground.Experiment"
!define EXTENSION ".playground"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\TorchPlayground"
!define VC_KEY "SOFTWARE\Microsoft\VisualStudio\14.0\VC\Runtimes\x64"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\TorchPlayground" "InstallDir"
BrandingText "${APP} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "LegalCopyright" "MIT licence"

!include "MUI2.nsh"
!include "x64.nsh"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP} now"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "${APP} needs a 64-bit version of Windows." /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; PyTorch needs Microsoft's Visual C++ runtime. The app carries its own copy of the
; main files; a computer that has never had the runtime may still need the full one.
Function CheckVisualCppRuntime
  SetRegView 64
  ReadRegDWORD $0 HKLM "${VC_KEY}" "Installed"
  SetRegView lastused
  ${If} $0 == 1
    DetailPrint "The Microsoft Visual C++ runtime is installed."
    Return
  ${EndIf}
  !if /FileExists "${__FILEDIR__}\vc_redist.x64.exe"
    InitPluginsDir
    File "/oname=$PLUGINSDIR\vc_redist.x64.exe" "${__FILEDIR__}\vc_redist.x64.exe"
    MessageBox MB_YESNO|MB_ICONQUESTION "${APP} uses the Microsoft Visual C++ runtime, which this computer does not have yet.$\r$\n$\r$\nInstall it now? Windows will ask for permission once. (Without it, ${APP} may not start.)" /SD IDNO IDNO vc_skipped
    ExecWait '"$PLUGINSDIR\vc_redist.x64.exe" /install /passive /norestart' $1
    DetailPrint "The Visual C++ runtime installer finished with code $1."
    Return
    vc_skipped:
  !endif
  DetailPrint "The Microsoft Visual C++ runtime was not found."
  MessageBox MB_OK|MB_ICONINFORMATION "If ${APP} does not start, install the Microsoft Visual C++ Redistributable (x64) from Microsoft's website (search for $\"vc_redist.x64.exe$\") and start it again." /SD IDOK
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  ; An update replaces the whole app folder, so no file of an older version stays behind.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\TorchPlayground" "InstallDir" "$INSTDIR"

  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  ; .playground files open with the app (per user: HKCU\Software\Classes).
  WriteRegStr HKCU "Software\Classes\${EXTENSION}" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\${EXTENSION}" "Content Type" "application/x-torch-playground"
  WriteRegStr HKCU "Software\Classes\${EXTENSION}\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "${APP} experiment"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" '"$INSTDIR\${GUI_EXE}",0'
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${GUI_EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\${GUI_EXE}\SupportedTypes" "${EXTENSION}" ""
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Settings > Apps: name, version, size, and how to uninstall (also silently).
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP} maintainers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" '"$INSTDIR\${GUI_EXE}",0'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  SectionGetSize 0 $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0

  Call CheckVisualCppRuntime
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"
  ; Only what the installer put there, so a folder chosen by hand keeps the user's files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ReadRegStr $0 HKCU "Software\Classes\${EXTENSION}" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegValue HKCU "Software\Classes\${EXTENSION}" ""
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\${EXTENSION}\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\${EXTENSION}\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\${EXTENSION}"
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${GUI_EXE}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegValue HKCU "Software\TorchPlayground" "InstallDir"
  DeleteRegKey /ifempty HKCU "Software\TorchPlayground"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ; Settings, autosave and logs in the user's folders stay: they belong to the user.
SectionEnd
